/**
 * `saleready run --on aws-fargate|aws-lambda` through the real bin, without a cloud:
 * --plan-only prints the exact Artillery command, the shares and the bill of materials, which
 * equals what Artillery's own BOM code (its dist build, called here directly) makes of the run
 * folder; usage problems exit 2 before anything is written; without credentials saleready exits
 * 3 before Artillery starts; with dummy credentials and the AWS endpoint on a closed loopback
 * port, Artillery starts, cannot reach it, and saleready exits 3 naming it; Ctrl-C reaches
 * Artillery as one SIGINT and it stops by itself. The last two run inside a network namespace
 * that has only a loopback interface (`unshare -n`), so nothing can leave this machine whatever
 * the SDK does; where such a namespace cannot be made, they are skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { requireArtillery } from '../../harness/engine/index.ts';
import { loadScenario, planRun } from '../../harness/scenario/index.ts';
import { closedPort } from '../helpers/closed-port.ts';
import { repoRoot, runCli, type CliResult } from '../helpers/run-cli.ts';
import { freshDirIn, useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('cloud-cli');

/** The environment without any AWS setting, HOME in an empty folder (no ~/.aws). */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = freshDirIn(work, 'home');
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home };
  for (const name of Object.keys(env))
    if (name.startsWith('AWS_') || name === 'SALEREADY_SHARE' || name === 'SALEREADY_SHARE_CLAIMS') delete env[name];
  return { ...env, ...extra };
}

/** `saleready <line> --out <out>` through the real bin, `line` written as typed in a shell (split at its spaces, no quoting). */
function runLine(line: string, out: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  return runCli([...line.split(' '), '--out', out], { env });
}

function onlyRunDir(outDir: string): string {
  const dirs = readdirSync(outDir);
  expect(dirs).toHaveLength(1);
  return join(outDir, dirs[0]!);
}

type Bom = { files: { noPrefixPosix: string }[]; modules: string[] };

/** Artillery's own createBOM (node_modules/artillery/dist/lib/platform/aws-ecs/legacy/bom.js) on a test, with a runner's flags. */
async function artilleryBom(testPath: string, flags: Record<string, unknown>): Promise<Bom> {
  const artillery = await requireArtillery();
  const { createBOM } = (await import(
    pathToFileURL(join(artillery.path, 'dist', 'lib', 'platform', 'aws-ecs', 'legacy', 'bom.js')).href
  )) as {
    createBOM: (path: string, extra: string[], opts: object, done: (error: Error | null, bom: Bom) => void) => void;
  };
  return promisify(createBOM)(testPath, [], { flags, scenarioPath: testPath }) as Promise<Bom>;
}

/** The lines of --plan-only's bill of materials: the files, then the npm packages. */
function printedBom(stdout: string): { files: string[]; packages: string } {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Bill of materials'));
  const files: string[] = [];
  let i = start + 1;
  for (; i < lines.length && !lines[i]!.startsWith('  npm packages'); i++) files.push(lines[i]!.trim());
  return { files, packages: lines[i] ?? '' };
}

describe('--plan-only', () => {
  it('prints the exact command, 4 shares adding up to the flash sale, and Artillery’s own bill of materials for the run folder', async () => {
    const out = join(work, 'plan-fargate');
    const result = await runLine(
      'run scenarios/flash-sale.ts --on aws-fargate --count 4 --region eu-west-1 --plan-only --spot --cpu 2 --memory 4',
      out,
      cleanEnv(),
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const runDir = onlyRunDir(out);
    expect(result.stdout).toContain('--plan-only: no cloud call, nothing sent');
    expect(result.stdout).toContain(
      'ARTILLERY_DISABLE_TELEMETRY=1 AWS_EC2_METADATA_DISABLED=true npx artillery run-fargate --count 4 --region eu-west-1 --target https://shop.example.com --output artillery-report.json --dotenv worker.env --name \'saleready flash-sale\' --cpu 2 --memory 4 --spot --launch-config \'{"ulimits":[{"name":"nofile","softLimit":65535,"hardLimit":65535}]}\' --max-duration 8m test.yml',
    );
    // the shares: 3,333 people in 4 shares of 833 or 834, disjoint pool blocks
    const plan = planRun(await loadScenario('scenarios/flash-sale.ts'));
    const shareRows = result.stdout.split('\n').filter((line) => /^\s+[1-4]\s+83[34]\s+0\s+0\s+/.test(line));
    expect(shareRows).toHaveLength(4);
    const sharePlans = [1, 2, 3, 4].map(
      (k) =>
        JSON.parse(readFileSync(join(runDir, `plan-${k}.json`), 'utf8')) as {
          people: number;
          stock: number;
          share: { index: number; peopleOffset: number };
        },
    );
    expect(sharePlans.reduce((sum, share) => sum + share.people, 0)).toBe(plan.people);
    for (const share of sharePlans) expect(share.stock).toBe(plan.stock);
    expect(sharePlans.map((share) => share.share.peopleOffset)).toEqual([0, 834, 1667, 2500]);
    // the bill of materials printed is Artillery's own, for run-fargate's flags (its worker.env goes as environment variables, not as a file)
    const expected = await artilleryBom(resolve(runDir, 'test.yml'), { platform: 'aws:ecs', dotenv: 'worker.env' });
    const printed = printedBom(result.stdout);
    expect(printed.files).toEqual(expected.files.map((file) => file.noPrefixPosix));
    expect(expected.modules).toEqual(['artillery-engine-saleready']);
    expect(printed.packages).toContain('artillery-engine-saleready (declared in the run folder’s package.json)');
    for (const file of [
      'test.yml',
      'plan-1.json',
      'plan-4.json',
      'people.json',
      'package.json',
      'artillery-engine-saleready/index.js',
      'artillery-engine-saleready/share.js',
    ])
      expect(printed.files).toContain(file);
    expect(printed.files).not.toContain('worker.env');
    // nothing ran: no Artillery output in the run folder
    expect(existsSync(join(runDir, 'artillery.log'))).toBe(false);
  }, 120_000);

  it('for Lambda, with bots: shares keep rings whole and the upload holds the bot pool and worker.env', async () => {
    const out = join(work, 'plan-lambda');
    const result = await runLine(
      'run scenarios/bot-storm.ts --on aws-lambda --count 3 --region eu-west-1 --plan-only --memory-size 2048 --target https://shop.test.example',
      out,
      cleanEnv(),
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const runDir = onlyRunDir(out);
    expect(result.stdout).toContain(
      "npx artillery run-lambda --count 3 --region eu-west-1 --target https://shop.test.example --output artillery-report.json --dotenv worker.env --name 'saleready bot-storm' --memory-size 2048 test.yml",
    );
    const bots = JSON.parse(readFileSync(join(runDir, 'bots.json'), 'utf8')) as { ring: number }[];
    const ringOwner = new Map<number, number>();
    for (const k of [1, 2, 3]) {
      const share = (
        JSON.parse(readFileSync(join(runDir, `plan-${k}.json`), 'utf8')) as { share: { botIndices: number[] } }
      ).share;
      for (const index of share.botIndices) {
        expect(ringOwner.get(bots[index]!.ring) ?? k).toBe(k);
        ringOwner.set(bots[index]!.ring, k);
      }
    }
    expect(ringOwner.size).toBe(new Set(bots.map((bot) => bot.ring)).size);
    // Lambda uploads the dotenv file (Artillery's BOM adds it for every platform but ECS); Artillery resolves it from its working folder, the run folder
    const expected = await artilleryBom(resolve(runDir, 'test.yml'), {
      platform: 'aws:lambda',
      dotenv: resolve(runDir, 'worker.env'),
    });
    const printed = printedBom(result.stdout);
    expect(printed.files).toEqual(expected.files.map((file) => file.noPrefixPosix));
    expect(printed.files).toContain('worker.env');
    expect(printed.files).toContain('bots.json');
  }, 120_000);
});

describe('refused before anything is written (exit 2)', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a cloud run without --allow-remote',
      '--on aws-fargate --count 2 --region eu-west-1 --target https://shop.example.com',
      /needs --allow-remote/,
    ],
    [
      'a cloud run without a shop',
      '--on aws-fargate --count 2 --region eu-west-1 --allow-remote',
      /needs the shop's address: --target/,
    ],
    [
      'a loopback shop from the cloud',
      '--on aws-lambda --count 2 --region eu-west-1 --allow-remote --target http://127.0.0.1:8080',
      /loopback address; on an AWS worker it would be the worker itself/,
    ],
    [
      'an unknown runner (and never Azure)',
      '--on azure --count 2 --region eu-west-1 --plan-only',
      /--on must be aws-fargate or aws-lambda/,
    ],
    [
      'a Fargate flag for Lambda',
      '--on aws-lambda --count 2 --region eu-west-1 --plan-only --cpu 2',
      /--cpu is a flag of --on aws-fargate, not of --on aws-lambda/,
    ],
    ['no worker count', '--on aws-fargate --region eu-west-1 --plan-only', /needs --count N/],
    [
      'a worker count of 0',
      '--on aws-fargate --count 0 --region eu-west-1 --plan-only',
      /--count must be a whole number/,
    ],
    [
      'a region Fargate does not have',
      '--on aws-fargate --count 2 --region mars-north-1 --plan-only',
      /not one Artillery's run-fargate supports/,
    ],
    ['no region', '--on aws-fargate --count 2 --plan-only', /needs --region/],
    ['cloud flags without --on', '--count 2', /--count belongs to a distributed run/],
  ];
  for (const [what, flags, message] of cases) {
    it(
      what,
      async () => {
        const out = join(work, `usage-${what.replace(/\W+/g, '-')}`);
        // (with keys in the environment: without any, a real run stops first at exit 3)
        const result = await runLine(
          `run scenarios/flash-sale.ts ${flags}`,
          out,
          cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example' }),
        );
        expect(result.code, result.stdout + result.stderr).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      },
      60_000,
    );
  }
});

describe('without AWS credentials', () => {
  it('exits 3 before Artillery starts, naming what is missing, where it looked and how to provide it', async () => {
    const out = join(work, 'no-credentials');
    const result = await runLine(
      'run scenarios/flash-sale.ts --on aws-fargate --count 4 --region eu-west-1 --allow-remote --target https://shop.example.com',
      out,
      cleanEnv(),
    );
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(result.stderr).toContain(
      'No AWS credentials for artillery run-fargate: AWS credentials missing. Artillery was not started; nothing was sent.',
    );
    expect(result.stderr).toContain('the environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set');
    expect(result.stderr).toMatch(/the shared files \(.*\.aws\/credentials, .*\.aws\/config\): no profile "default"/);
    expect(result.stderr).toContain('export AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=…');
    expect(result.stderr).toContain('pass --instance-credentials');
    // checked before anything is written: no run folder, so Artillery never ran
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('exits 3 for the issue’s own command (no --allow-remote, no credentials): the credentials are what is missing first', async () => {
    const out = join(work, 'no-credentials-no-remote');
    const result = await runLine(
      'run scenarios/flash-sale.ts --on aws-fargate --count 4 --region eu-west-1',
      out,
      cleanEnv(),
    );
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(result.stderr).toContain('No AWS credentials for artillery run-fargate');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('names the half of a key pair that is missing, and does not take a profile without keys', async () => {
    const env = cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_PROFILE: 'team' });
    writeFileSync(join(env.HOME!, 'config'), '[profile team]\nregion = eu-west-1\n');
    env.AWS_CONFIG_FILE = join(env.HOME!, 'config');
    const result = await runLine(
      'run scenarios/flash-sale.ts --on aws-lambda --count 2 --region eu-west-1 --allow-remote --target https://shop.example.com',
      join(work, 'half'),
      env,
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('AWS_SECRET_ACCESS_KEY (AWS_ACCESS_KEY_ID is set without it) missing');
    expect(result.stderr).toContain(
      'profile "team" has no aws_access_key_id/aws_secret_access_key, SSO, credential_process or role',
    );
  }, 60_000);
});

/** Whether this machine can run a process in a network namespace with only loopback (root, or user namespaces). */
const isolated =
  spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up 2>/dev/null; exit 0'], { stdio: 'ignore' }).status === 0;

/** Runs the saleready bin inside a fresh network namespace with only a loopback interface. */
function runIsolated(
  script: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('unshare', ['-n', 'sh', '-c', `ip link set lo up 2>/dev/null; ${script}`], {
    env,
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!isolated)('AWS unreachable (inside a loopback-only network namespace)', () => {
  for (const runner of ['aws-fargate', 'aws-lambda']) {
    it(`${runner}: Artillery starts, cannot reach the endpoint, and saleready exits 3 naming it`, async () => {
      const port = await closedPort();
      const out = join(work, `unreachable-${runner}`);
      const env = cleanEnv({
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'dummy-secret',
        AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      });
      const bin = join(repoRoot, 'bin', 'saleready.js');
      const result = runIsolated(
        `exec "${process.execPath}" "${bin}" run scenarios/flash-sale.ts --on ${runner} --count 2 --region eu-west-1 --allow-remote --target https://shop.example.com --out "${out}"`,
        env,
      );
      expect(result.code, result.stdout + result.stderr).toBe(3);
      expect(result.stderr).toContain(
        `Artillery could not reach AWS at 127.0.0.1:${port} (AWS_ENDPOINT_URL=http://127.0.0.1:${port}): ECONNREFUSED. It stopped before launching any worker.`,
      );
      // Artillery did start (its log is there) and its SDK went to the endpoint it was given
      const log = readFileSync(join(onlyRunDir(out), 'artillery.log'), 'utf8');
      expect(log).toContain(`127.0.0.1:${port}`);
      expect(log).not.toMatch(/amazonaws\.com|169\.254\.169\.254/);
    }, 150_000);
  }

  it('Ctrl-C: saleready sends Artillery one SIGINT and waits for it to end; exit 4', () => {
    const out = join(work, 'interrupted');
    // an endpoint that accepts connections and never answers, so Artillery is still at its first AWS call when Ctrl-C comes
    const script = join(work, 'interrupt.mjs');
    writeFileSync(
      script,
      `import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const held = [];
const server = createServer((socket) => held.push(socket));
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const env = { ...process.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:' + server.address().port };
const child = spawn(process.execPath, [${JSON.stringify(join(repoRoot, 'bin', 'saleready.js'))}, 'run', 'scenarios/flash-sale.ts', '--on', 'aws-fargate', '--count', '2', '--region', 'eu-west-1', '--allow-remote', '--target', 'https://shop.example.com', '--out', ${JSON.stringify(out)}], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
// wait until Artillery is waiting on the endpoint, then Ctrl-C (SIGINT to saleready)
for (let i = 0; i < 600 && held.length === 0; i++) await new Promise((done) => setTimeout(done, 100));
const connected = held.length > 0;
child.kill('SIGINT');
const code = await new Promise((done) => child.once('close', done));
for (const socket of held) socket.destroy();
server.close();
process.stdout.write(JSON.stringify({ connected, code, output }));
`,
    );
    const env = cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'dummy-secret' });
    const result = runIsolated(`exec "${process.execPath}" "${script}"`, env, 150_000);
    const outcome = JSON.parse(result.stdout) as { connected: boolean; code: number; output: string };
    expect(outcome.connected, outcome.output).toBe(true);
    expect(outcome.code, outcome.output).toBe(4);
    expect(outcome.output).toContain('interrupted: stopping Artillery');
    expect(outcome.output).toContain('Artillery was asked to stop its workers and release its AWS resources');
    expect(outcome.output).toContain('it writes no report when stopped');
    // Artillery was at its first AWS call (the account id, in run-fargate's platform set-up),
    // before it has a fleet or installs its own SIGINT handler, so the signal ended it at once;
    // with a fleet, that handler prints "Stopping test run (SIGINT received)..." and stops it
    // (docs/DISTRIBUTED.md). Reaching it needs AWS to answer, which only a real account can.
    const log = readFileSync(join(onlyRunDir(out), 'artillery.log'), 'utf8');
    expect(log).not.toContain('Launching workers');
  }, 180_000);
});
