/**
 * Finding and building the k6 binary. Search order: `K6_BIN`, `k6` on PATH, Go's bin folder
 * (`$GOBIN`, `$GOPATH/bin`, `~/go/bin`). When none is usable, `buildK6` compiles the pinned
 * version with `go install` semantics (in a scratch module, because `go install pkg@v` also
 * asks the proxy for the module's version list, which it does not serve for k6 v2).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { EnvironmentError } from '../errors.ts';

const execFileAsync = promisify(execFile);

/** The k6 we build when none is found: v2 first, the maintained v1 line as a fallback. */
export const PINNED_K6_MODULES = [
  { module: 'go.k6.io/k6/v2', version: 'v2.2.0' },
  { module: 'go.k6.io/k6', version: 'v1.8.1' },
] as const;

export interface K6Binary {
  readonly path: string;
  /** e.g. `v2.2.0` */
  readonly version: string;
  /** Where it was found: `K6_BIN`, `PATH`, `go bin`. */
  readonly source: string;
}

function goBinDirs(env: NodeJS.ProcessEnv): string[] {
  const dirs: string[] = [];
  if (env.GOBIN) dirs.push(env.GOBIN);
  for (const gopath of (env.GOPATH ?? '').split(delimiter).filter(Boolean)) dirs.push(join(gopath, 'bin'));
  dirs.push(join(homedir(), 'go', 'bin'));
  return dirs;
}

/** Candidate k6 paths in search order, with where each came from. */
export function k6Candidates(env: NodeJS.ProcessEnv = process.env): { path: string; source: string }[] {
  const found: { path: string; source: string }[] = [];
  if (env.K6_BIN) found.push({ path: env.K6_BIN, source: 'K6_BIN' });
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    found.push({ path: join(dir, 'k6'), source: 'PATH' });
  }
  for (const dir of goBinDirs(env)) found.push({ path: join(dir, 'k6'), source: 'go bin' });
  return found;
}

/** Asks a k6 binary its version; null when it does not run. */
export async function readK6Version(path: string): Promise<string | null> {
  try {
    const { stdout } = await execFileAsync(path, ['version'], { timeout: 15_000 });
    const match = /k6 v?(\d+\.\d+\.\d+[^\s(]*)/.exec(stdout);
    return match ? `v${match[1]}` : null;
  } catch {
    return null;
  }
}

/** The first usable k6, or null. `K6_BIN` set to an unusable path is an environment error. */
export async function findK6(env: NodeJS.ProcessEnv = process.env): Promise<K6Binary | null> {
  for (const candidate of k6Candidates(env)) {
    if (!existsSync(candidate.path)) {
      if (candidate.source === 'K6_BIN') {
        throw new EnvironmentError('k6_bin_missing', `K6_BIN points to ${candidate.path}, which does not exist.`, [
          'Unset K6_BIN to let saleready find or build k6, or point it at a k6 binary.',
        ]);
      }
      continue;
    }
    const version = await readK6Version(candidate.path);
    if (version) return { path: candidate.path, version, source: candidate.source };
    if (candidate.source === 'K6_BIN') {
      throw new EnvironmentError('k6_bin_unusable', `K6_BIN points to ${candidate.path}, which does not run as k6.`);
    }
  }
  return null;
}

/** Like findK6, but a missing k6 is an EnvironmentError that says how to get one. */
export async function requireK6(env: NodeJS.ProcessEnv = process.env): Promise<K6Binary> {
  const k6 = await findK6(env);
  if (!k6) {
    throw new EnvironmentError('k6_missing', 'k6 was not found (K6_BIN, PATH, Go bin folder).', [
      'Run `npm run setup`, which builds the pinned k6 with Go, or set K6_BIN to a k6 binary.',
    ]);
  }
  return k6;
}

function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => resolve({ code: 127, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Builds the pinned k6 into Go's bin folder and returns it. Tries each pinned module in
 * order; throws EnvironmentError with Go's own last error lines when none builds.
 */
export async function buildK6(options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): Promise<K6Binary> {
  const env = { ...(options.env ?? process.env), GOTOOLCHAIN: 'local' };
  const log = options.log ?? (() => {});
  const binDir = goBinDirs(env)[0] ?? join(homedir(), 'go', 'bin');
  const failures: string[] = [];
  for (const pin of PINNED_K6_MODULES) {
    const scratch = mkdtempSync(join(tmpdir(), 'saleready-k6-'));
    try {
      writeFileSync(join(scratch, 'go.mod'), 'module saleready/k6build\n\ngo 1.25\n');
      log(`building k6 ${pin.module}@${pin.version} with Go (a few minutes the first time)…`);
      const get = await run('go', ['get', `${pin.module}@${pin.version}`], { cwd: scratch, env, log });
      const build = get.code === 0
        ? await run('go', ['build', '-trimpath', '-o', join(binDir, 'k6'), pin.module], { cwd: scratch, env, log })
        : get;
      if (build.code === 0) {
        const version = await readK6Version(join(binDir, 'k6'));
        if (version) return { path: join(binDir, 'k6'), version, source: 'built' };
      }
      failures.push(`${pin.module}@${pin.version}: ${build.output.trim().split('\n').slice(-3).join(' | ')}`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  throw new EnvironmentError('k6_build_failed', 'k6 could not be built with Go.', [
    ...failures,
    'Check that `go` is installed and the Go module proxy is reachable, or set K6_BIN to a k6 binary.',
  ]);
}
