// Runs the real saleready bin in a child process, as a user would.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
export const repoRoot = join(import.meta.dirname, '..', '..');
const bin = join(repoRoot, 'bin', 'saleready.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  cwd?: string;
  /** The Node that runs the bin: this process's unless told. */
  node?: string;
  /** The bin: this checkout's bin/saleready.js unless told. */
  bin?: string;
}

export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(options.node ?? process.execPath, [options.bin ?? bin, ...args], {
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 120_000,
      cwd: options.cwd ?? repoRoot,
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}
