/**
 * The Artillery command line of a distributed run on AWS: `artillery run-fargate` or
 * `artillery run-lambda` with the worker count, the region, the shop, the report file, the
 * workers' environment file, and the runner's own flags passed through unchanged (their names
 * are Artillery 2.0.34's: node_modules/artillery/lib/cmds/run-fargate.ts, run-lambda.ts).
 * Flags saleready sets itself (--target, --output, --dotenv, --count, --region, --config,
 * --overrides, --variables) and Artillery Cloud's (--record, --key: they send results to
 * artillery.io) cannot be passed through. On Fargate saleready also sets --max-duration (the
 * plan's length + 5 min) and a nofile ulimit in --launch-config, unless given. Pure: no I/O.
 */
import { UsageError } from '../errors.ts';

export type CloudRunner = 'aws-fargate' | 'aws-lambda';
export const CLOUD_RUNNERS: readonly CloudRunner[] = ['aws-fargate', 'aws-lambda'];

export const RUNNER_INFO: Readonly<Record<CloudRunner, { readonly command: string; readonly name: string }>> = {
  'aws-fargate': { command: 'run-fargate', name: 'AWS Fargate' },
  'aws-lambda': { command: 'run-lambda', name: 'AWS Lambda' },
};

/** A runner flag saleready passes through: its Artillery name, what it takes, which runners know it. */
export interface RunnerFlag {
  /** Artillery's flag name without dashes, e.g. `subnet-ids`. */
  readonly name: string;
  /** `<ids>` for a value, null for a switch. */
  readonly value: string | null;
  readonly description: string;
  readonly runners: readonly CloudRunner[];
  /** May be given several times (Artillery's `multiple: true`). */
  readonly multiple?: boolean;
}

const BOTH: readonly CloudRunner[] = ['aws-fargate', 'aws-lambda'];
const FARGATE: readonly CloudRunner[] = ['aws-fargate'];
const LAMBDA: readonly CloudRunner[] = ['aws-lambda'];

/** Artillery 2.0.34's runner flags, as its help describes them. */
export const RUNNER_FLAGS: readonly RunnerFlag[] = [
  { name: 'subnet-ids', value: '<ids>', description: 'comma-separated VPC subnet ids for the workers', runners: BOTH },
  {
    name: 'security-group-ids',
    value: '<ids>',
    description: 'comma-separated VPC security group ids for the workers',
    runners: BOTH,
  },
  {
    name: 'aws-tags',
    value: '<key:value,…>',
    description: 'tags for the AWS resources the run creates',
    runners: BOTH,
  },
  {
    name: 'cpu',
    value: '<vcpu>',
    description: 'Fargate: vCPUs per worker, 1–16 (Artillery’s default 4)',
    runners: FARGATE,
  },
  {
    name: 'memory',
    value: '<gb>',
    description: 'Fargate: memory per worker in GB, 1–120 (Artillery’s default 8)',
    runners: FARGATE,
  },
  { name: 'spot', value: null, description: 'Fargate: run the workers on Fargate Spot', runners: FARGATE },
  {
    name: 'task-role-name',
    value: '<role>',
    description: 'Fargate: IAM role the worker containers assume',
    runners: FARGATE,
  },
  {
    name: 'cluster',
    value: '<name>',
    description: 'Fargate: ECS cluster to run on (default: Artillery’s own)',
    runners: FARGATE,
  },
  { name: 'launch-type', value: '<type>', description: 'Fargate: ecs:fargate (default) or ecs:ec2', runners: FARGATE },
  {
    name: 'launch-config',
    value: '<json>',
    description:
      'Fargate: JSON launch configuration of the ECS tasks (saleready adds a nofile ulimit of 65535 unless it has one)',
    runners: FARGATE,
  },
  {
    name: 'container-dns-servers',
    value: '<ips>',
    description: 'Fargate: comma-separated DNS servers for the worker container',
    runners: FARGATE,
  },
  {
    name: 'task-ephemeral-storage',
    value: '<gib>',
    description: 'Fargate: ephemeral storage per worker in GiB',
    runners: FARGATE,
  },
  {
    name: 'max-duration',
    value: '<time>',
    description: 'Fargate: stop the run after this long, e.g. 20m (default: the plan’s length + 5 min)',
    runners: FARGATE,
  },
  {
    name: 'secret',
    value: '<name>',
    description: 'Fargate: an SSM parameter /artilleryio/<name> to hand to the workers',
    runners: FARGATE,
    multiple: true,
  },
  {
    name: 'no-assign-public-ip',
    value: null,
    description: 'Fargate: no public IPs for the workers (private subnets need a NAT gateway)',
    runners: FARGATE,
  },
  {
    name: 'memory-size',
    value: '<mb>',
    description: 'Lambda: memory per function in MB (Artillery’s default 4096)',
    runners: LAMBDA,
  },
  { name: 'architecture', value: '<arch>', description: 'Lambda: arm64 (default) or x86_64', runners: LAMBDA },
  { name: 'lambda-role-arn', value: '<arn>', description: 'Lambda: IAM role for the functions', runners: LAMBDA },
];

/** Pass-through values by Artillery flag name: a string, strings for a repeated flag, true for a switch. */
export type RunnerFlagValues = Readonly<Record<string, string | readonly string[] | true>>;

export interface CloudCommandOptions {
  readonly runner: CloudRunner;
  readonly count: number;
  readonly region: string;
  readonly targetUrl: string;
  /** Relative to the run folder, where Artillery runs. */
  readonly reportFile: string;
  readonly workerEnvFile: string;
  readonly testFile: string;
  /** Shown in Artillery's output and tags, e.g. `saleready flash-sale`. */
  readonly name: string;
  readonly flags?: RunnerFlagValues;
  /** The run's planned length, ms: Fargate's default --max-duration is this + 5 min. */
  readonly plannedMs: number;
}

/**
 * Open files per Fargate worker: every waiting person holds a connection (one undici client
 * each), and Artillery gives its container `nofile` 8192 unless --launch-config says otherwise
 * (run-cluster.ts, ensureTaskExists), which a share of more than ~8,000 people would exhaust.
 */
export const FARGATE_OPEN_FILES = 65_535;

/** The --launch-config JSON with a nofile limit of FARGATE_OPEN_FILES added, unless it names one. */
export function withOpenFiles(launchConfig: string | undefined): string {
  let config: Record<string, unknown> = {};
  if (launchConfig !== undefined) {
    try {
      config = JSON.parse(launchConfig) as Record<string, unknown>;
    } catch {
      throw new UsageError('engine.cloud-bad-launch-config', `--launch-config is not JSON: ${launchConfig}`);
    }
    if (typeof config !== 'object' || config === null || Array.isArray(config))
      throw new UsageError('engine.cloud-bad-launch-config', '--launch-config must be a JSON object');
    if (config.ulimits !== undefined && !Array.isArray(config.ulimits))
      throw new UsageError(
        'engine.cloud-bad-launch-config',
        '--launch-config ulimits must be an array of { name, softLimit, hardLimit }',
      );
  }
  const ulimits = (config.ulimits as { name?: unknown }[] | undefined) ?? [];
  if (ulimits.some((limit) => limit.name === 'nofile')) return launchConfig as string;
  return JSON.stringify({
    ...config,
    ulimits: [...ulimits, { name: 'nofile', softLimit: FARGATE_OPEN_FILES, hardLimit: FARGATE_OPEN_FILES }],
  });
}

/** Refuses a flag the chosen runner does not have, naming the runner that does. */
export function checkRunnerFlags(runner: CloudRunner, flags: RunnerFlagValues): void {
  for (const name of Object.keys(flags)) {
    const flag = RUNNER_FLAGS.find((each) => each.name === name);
    if (!flag)
      throw new UsageError('engine.cloud-unknown-flag', `--${name} is not a runner flag saleready passes to Artillery`);
    if (!flag.runners.includes(runner)) {
      const other = flag.runners.map((each) => `--on ${each}`).join(' or ');
      throw new UsageError(
        'engine.cloud-flag-not-for-runner',
        `--${name} is a flag of ${other}, not of --on ${runner} (artillery ${RUNNER_INFO[runner].command})`,
      );
    }
  }
}

/** The arguments after `artillery` (e.g. `run-fargate --count 4 …  test.yml`). */
export function cloudArtilleryArgs(options: CloudCommandOptions): string[] {
  const flags = options.flags ?? {};
  checkRunnerFlags(options.runner, flags);
  if (!Number.isInteger(options.count) || options.count < 1)
    throw new UsageError('engine.cloud-bad-count', `--count must be a whole number ≥ 1, got ${options.count}`);
  const args = [
    RUNNER_INFO[options.runner].command,
    '--count',
    String(options.count),
    '--region',
    options.region,
    '--target',
    options.targetUrl,
    '--output',
    options.reportFile,
    '--dotenv',
    options.workerEnvFile,
    '--name',
    options.name,
  ];
  const passed: Record<string, string | readonly string[] | true> = { ...flags };
  if (options.runner === 'aws-fargate') {
    if (passed['max-duration'] === undefined)
      passed['max-duration'] = `${Math.ceil((options.plannedMs + 5 * 60_000) / 60_000)}m`;
    const launchConfig = passed['launch-config'];
    passed['launch-config'] = withOpenFiles(typeof launchConfig === 'string' ? launchConfig : undefined);
  }
  for (const flag of RUNNER_FLAGS) {
    const value = passed[flag.name];
    if (value === undefined) continue;
    if (value === true) args.push(`--${flag.name}`);
    else for (const each of typeof value === 'string' ? [value] : value) args.push(`--${flag.name}`, each);
  }
  args.push(options.testFile);
  return args;
}

/** A command line a person can paste into a POSIX shell: arguments quoted where needed. */
export function shellCommand(words: readonly string[]): string {
  return words
    .map((word) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}
