// Artillery as saleready finds and starts it: the real install in node_modules, the real CLI.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EnvironmentError, ExitCode } from '../../harness/errors.ts';
import { artilleryEnv, findArtillery, requireArtillery } from '../../harness/engine/locate-artillery.ts';
import { freshDirIn, useTempDir } from '../helpers/temp-dir.ts';
import { rejectionOf } from '../helpers/thrown.ts';

const execFileAsync = promisify(execFile);
const repoRoot = join(import.meta.dirname, '..', '..');
const projectBin = join(repoRoot, 'node_modules', '.bin');
const work = useTempDir('artillery');

/** A scratch checkout holding only what `files` lists (path → content). */
function scratchCheckout(files: Record<string, string>): string {
  const root = freshDirIn(work, 'checkout');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('finding Artillery', () => {
  it('finds the Artillery pinned in package.json, with a CLI entry that exists', async () => {
    const pinned = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    ).dependencies.artillery;
    const artillery = await findArtillery();
    expect(pinned).toBe('2.0.34');
    expect(artillery).toEqual({
      version: '2.0.34',
      path: join(repoRoot, 'node_modules', 'artillery'),
      binPath: join(repoRoot, 'node_modules', 'artillery', 'bin', 'run'),
    });
  });

  it('`artillery --version`, found on the PATH it is given, reports 2.0.34 on Node 24', async () => {
    const env = artilleryEnv(process.env);
    // The command is looked up in env.PATH, and Artillery's `#!/usr/bin/env node` too.
    const { stdout } = await execFileAsync('artillery', ['--version'], { env, timeout: 60_000 });
    expect(stdout).toMatch(/Artillery:\s+2\.0\.34\b/);
    expect(stdout).toMatch(/Node\.js:\s+v24\./);
  });

  it('the same CLI entry runs with process.execPath', async () => {
    const { binPath } = await requireArtillery();
    const { stdout } = await execFileAsync(process.execPath, [binPath, '--version'], {
      env: artilleryEnv(process.env),
      timeout: 60_000,
    });
    expect(stdout).toMatch(/Artillery:\s+2\.0\.34\b/);
  });

  it('returns null where node_modules has no Artillery, or a manifest without its CLI', async () => {
    expect(await findArtillery(scratchCheckout({ 'package.json': '{}' }))).toBeNull();
    expect(
      await findArtillery(scratchCheckout({ 'node_modules/artillery/package.json': '{"version":"2.0.34"}' })),
    ).toBeNull();
    const root = scratchCheckout({
      'node_modules/artillery/package.json': '{"version":"9.9.9"}',
      'node_modules/artillery/bin/run': '',
    });
    expect(await findArtillery(root)).toMatchObject({
      version: '9.9.9',
      binPath: join(root, 'node_modules', 'artillery', 'bin', 'run'),
    });
  });

  it('requireArtillery fails with an environment error (exit 3) that says to run `npm run setup`', async () => {
    const root = scratchCheckout({ 'package.json': '{}' });
    const failure = await rejectionOf(() => requireArtillery(root), EnvironmentError);
    expect(failure.exitCode).toBe(ExitCode.environment);
    expect(failure.message).toContain(join(root, 'node_modules', 'artillery'));
    expect(failure.hints.join(' ')).toContain('npm run setup');
  });
});

describe('the environment Artillery runs in', () => {
  it('turns telemetry off and puts node_modules/.bin first on PATH, once, keeping the rest', () => {
    const base = { PATH: ['/usr/local/bin', projectBin, '/usr/bin'].join(delimiter), HOME: '/root' };
    const env = artilleryEnv(base);
    expect(env.ARTILLERY_DISABLE_TELEMETRY).toBe('1');
    expect(env.PATH).toBe([projectBin, '/usr/local/bin', '/usr/bin'].join(delimiter));
    expect(env.HOME).toBe('/root');
    expect(base).not.toHaveProperty('ARTILLERY_DISABLE_TELEMETRY');
    expect(artilleryEnv({}).PATH).toBe(projectBin);
  });

  it("Artillery's own telemetry switch reads off in a process started with that environment", async () => {
    const { path } = await requireArtillery();
    const telemetry = pathToFileURL(join(path, 'dist', 'lib', 'telemetry.js')).href;
    const script = `const t = await import(${JSON.stringify(telemetry)}); console.log(t.isEnabled());`;
    const ask = async (env: NodeJS.ProcessEnv): Promise<string> =>
      (
        await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { env, timeout: 30_000 })
      ).stdout.trim();
    const withoutSwitch = { ...process.env };
    delete withoutSwitch.ARTILLERY_DISABLE_TELEMETRY;
    expect(await ask(withoutSwitch)).toBe('true'); // the check can fail: telemetry is on by default
    expect(await ask(artilleryEnv(withoutSwitch))).toBe('false');
  });
});
