/**
 * Finding and installing Chromium. saleready drives Debian's Chromium through Playwright's
 * `executablePath`; Playwright's own browser download cannot work on these machines.
 * Search order: `CHROMIUM_BIN`, `/usr/bin/chromium`, `chromium` / `chromium-browser` on PATH.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { EnvironmentError } from '../errors.ts';

const execFileAsync = promisify(execFile);

/** Flags every launch uses: root needs --no-sandbox; the closed network needs the rest. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
] as const;

export interface ChromiumBinary {
  readonly path: string;
  /** e.g. `156.0.8078.108` */
  readonly version: string;
  readonly source: string;
}

function candidates(env: NodeJS.ProcessEnv): { path: string; source: string }[] {
  const found: { path: string; source: string }[] = [];
  if (env.CHROMIUM_BIN) found.push({ path: env.CHROMIUM_BIN, source: 'CHROMIUM_BIN' });
  found.push({ path: '/usr/bin/chromium', source: 'Debian package' });
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) found.push({ path: join(dir, name), source: 'PATH' });
  }
  return found;
}

export async function readChromiumVersion(path: string): Promise<string | null> {
  try {
    const { stdout } = await execFileAsync(path, ['--version'], { timeout: 20_000 });
    const match = /(\d+\.\d+\.\d+\.\d+)/.exec(stdout);
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumBinary | null> {
  for (const candidate of candidates(env)) {
    if (!existsSync(candidate.path)) continue;
    const version = await readChromiumVersion(candidate.path);
    if (version) return { path: candidate.path, version, source: candidate.source };
  }
  return null;
}

export async function requireChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumBinary> {
  const chromium = await findChromium(env);
  if (!chromium) {
    throw new EnvironmentError(
      'browser.chromium-missing',
      'Chromium was not found (CHROMIUM_BIN, /usr/bin/chromium, PATH).',
      [
        "Run `npm run setup` (installs Debian's chromium as root), or `apt-get install -y chromium`, or set CHROMIUM_BIN.",
      ],
    );
  }
  return chromium;
}

/** Installs Debian's chromium package with apt-get (needs root). */
export async function installChromium(options: { log?: (line: string) => void } = {}): Promise<ChromiumBinary> {
  const log = options.log ?? (() => {});
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new EnvironmentError(
      'browser.chromium-install-impossible',
      'Chromium is missing and cannot be installed here (needs root and apt-get).',
      ['Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_BIN to a Chromium binary.'],
    );
  }
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    log(`apt-get ${args.join(' ')}…`);
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      const child = spawn('apt-get', args, { env: aptEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', (error) => resolve({ code: 127, output: String(error) }));
      child.on('close', (code) => resolve({ code: code ?? 1, output }));
    });
    if (result.code !== 0) {
      throw new EnvironmentError(
        'browser.chromium-install-failed',
        `apt-get ${args.join(' ')} failed (exit ${result.code}).`,
        [result.output.trim().split('\n').slice(-3).join(' | ')],
      );
    }
  }
  return requireChromium();
}
