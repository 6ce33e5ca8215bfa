// The command line as a user meets it: the real bin, real processes, exit codes.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createProgram, main } from '../../harness/cli/main.ts';
import { createRecordingOutput } from '../../harness/cli/output.ts';
import { repoRoot, runCli, type CliResult } from '../helpers/run-cli.ts';
import { freshDirIn, useTempDir } from '../helpers/temp-dir.ts';

const execFileAsync = promisify(execFile);

// The Node a person's shell finds: PATH without this checkout's node_modules/.bin (Node 20 here).
const pathEnv = {
  ...process.env,
  PATH: (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => resolve(dir) !== join(repoRoot, 'node_modules', '.bin'))
    .join(delimiter),
};
const pathNode = 'node';
const pathNodeMajor = Number(
  execFileSync(pathNode, ['-p', 'process.versions.node'], { env: pathEnv }).toString().split('.')[0],
);

const work = useTempDir('checkout');

/** A copy of this checkout's code whose node_modules links every package but those in `without`. */
function scratchCheckout(options: { without: readonly string[] }): string {
  const root = freshDirIn(work, 'checkout');
  for (const entry of ['bin', 'harness', 'package.json'])
    cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  for (const entry of ['fixtures', 'scenarios']) symlinkSync(join(repoRoot, entry), join(root, entry));
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (!options.without.includes(name))
      symlinkSync(join(repoRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

/** Runs `<checkout>/bin/saleready.js` with the given Node and the PATH a person's shell has. */
function runBin(checkout: string, node: string, args: readonly string[]): Promise<CliResult> {
  return runCli(args, {
    node,
    bin: join(checkout, 'bin', 'saleready.js'),
    env: pathEnv,
    cwd: checkout,
    timeoutMs: 60_000,
  });
}

describe('saleready command line', () => {
  it('prints the package version with --version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('0.1.0');
  });

  it('lists every command in --help, and each command’s own --help exits 0 with its description and options', async () => {
    const program = createProgram(createRecordingOutput());
    const commands = program.commands.map((command) => command.name());
    // the README's commands, and the demo behind `npm run demo`
    expect([...commands].sort()).toEqual([
      'analyze',
      'capacity',
      'compare',
      'demo',
      'doctor',
      'gate',
      'history',
      'plan',
      'probe',
      'run',
      'setup',
      'shop',
      'users',
    ]);
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of program.commands) {
      expect(result.stdout, command.name()).toMatch(new RegExp(`^\\s+${command.name()}\\b`, 'm'));
      const own = await main(['node', 'saleready', command.name(), '--help'], createRecordingOutput());
      expect(own, command.name()).toBe(0);
    }
    // in process, with the words each command's help prints
    for (const command of program.commands) {
      const output = createRecordingOutput();
      await main(['node', 'saleready', command.name(), '--help'], output);
      const text = output.lines.join('\n');
      expect(text, command.name()).toContain(`Usage: saleready ${command.name()}`);
      expect(text, command.name()).toContain(command.description().slice(0, 20));
    }
  });

  it('exits 2 on an unknown command without a stack trace', async () => {
    const result = await runCli(['launch-rockets']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'launch-rockets'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('doctor exits 0 and prints the Node 24, Artillery, Chromium and Korean font versions', async () => {
    const result = await runCli(['doctor']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ node\s+v24\.\d+\.\d+/);
    expect(result.stdout).toMatch(/✔ artillery\s+2\.0\.34\s+\S+node_modules\/artillery/);
    expect(result.stdout).toMatch(/✔ chromium\s+\d+\.\d+/);
    expect(result.stdout).toMatch(/✔ cjk font\s+\S+\s+\//);
    expect(result.stdout).not.toContain('k6');
  });

  it('doctor and setup exit 3, naming Artillery and the fix, in a checkout without it', async () => {
    const checkout = scratchCheckout({ without: ['artillery'] });
    const doctor = await runBin(checkout, process.execPath, ['doctor']);
    expect(doctor.code).toBe(3);
    expect(doctor.stdout).toMatch(/✖ artillery\s+missing — run `npm run setup`/);
    expect(doctor.stderr).toContain('missing or unusable: artillery');
    const setup = await runBin(checkout, process.execPath, ['setup', '--no-chromium']);
    expect(setup.code).toBe(3);
    expect(setup.stderr).toContain(`Artillery was not found in ${join(checkout, 'node_modules', 'artillery')}`);
    expect(setup.stderr).toContain('npm run setup');
    expect(setup.stderr).not.toMatch(/\n\s+at /);
  });

  it('started by the Node on PATH, the bin runs itself on Node 24 and keeps its exit code', async () => {
    const doctor = await runBin(repoRoot, pathNode, ['doctor']);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/✔ node\s+v24\.\d+\.\d+\s+\S+node_modules\/node\/bin\/node/);
    expect((await runBin(repoRoot, pathNode, ['launch-rockets'])).code).toBe(2);
  });

  it.skipIf(pathNodeMajor >= 24)(
    'started by an older Node where node_modules/.bin/node is missing, the bin exits 3 and says to run setup',
    async () => {
      const checkout = scratchCheckout({ without: ['.bin', 'node'] });
      const result = await runBin(checkout, pathNode, ['doctor']);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('node_modules/.bin/node is missing');
      expect(result.stderr).toContain('Run `npm run setup`');
    },
  );

  it('setup run a second time, by the Node on PATH, finds everything with Node 24 in under 10 s', async () => {
    const started = Date.now();
    const { stdout } = await execFileAsync(pathNode, [join(repoRoot, 'scripts', 'setup.mjs')], {
      env: pathEnv,
      timeout: 60_000,
    });
    expect(stdout).toContain('npm       packages up to date');
    expect(stdout).toMatch(/node\s+v24\.\d+\.\d+/);
    expect(stdout).toMatch(/artillery 2\.0\.34\s/);
    expect(stdout).toMatch(/chromium\s+\d+.*found via/);
    expect(stdout).toMatch(/cjk font\s+.*found via/);
    expect(stdout).not.toMatch(/k6|go /i);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
