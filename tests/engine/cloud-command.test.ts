/**
 * The pieces of a distributed run's launch that need no cloud: the Artillery command line with
 * the runner's own flags, the open-files limit added to Fargate's launch configuration, and the
 * local AWS credential check (real files in a temp folder) with the environment Artillery gets.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkAwsCredentials,
  cloudArtilleryArgs,
  cloudEnvironment,
  shellCommand,
  withOpenFiles,
  type CloudCommandOptions,
} from '../../harness/engine/index.ts';
import { freshDirIn, useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('cloud-command');

const BASE: CloudCommandOptions = {
  runner: 'aws-fargate',
  count: 3,
  region: 'eu-west-1',
  targetUrl: 'https://shop.example.com',
  reportFile: 'artillery-report.json',
  workerEnvFile: 'worker.env',
  testFile: 'test.yml',
  name: 'saleready x',
  plannedMs: 10 * 60_000,
};

/** What every command line for BASE has after its subcommand, in this order. */
const BASE_ARGS = [
  '--count',
  '3',
  '--region',
  'eu-west-1',
  '--target',
  'https://shop.example.com',
  '--output',
  'artillery-report.json',
  '--dotenv',
  'worker.env',
  '--name',
  'saleready x',
];

describe('the Artillery command line', () => {
  it('passes Fargate flags through by Artillery’s names, repeats --secret, and adds the max duration and open files', () => {
    const args = cloudArtilleryArgs({
      ...BASE,
      flags: { 'subnet-ids': 'subnet-1,subnet-2', spot: true, secret: ['A', 'B'], 'no-assign-public-ip': true },
    });
    expect(args).toEqual([
      'run-fargate',
      ...BASE_ARGS,
      '--subnet-ids',
      'subnet-1,subnet-2',
      '--spot',
      '--launch-config',
      '{"ulimits":[{"name":"nofile","softLimit":65535,"hardLimit":65535}]}',
      '--max-duration',
      '15m',
      '--secret',
      'A',
      '--secret',
      'B',
      '--no-assign-public-ip',
      'test.yml',
    ]);
  });

  it('keeps a launch configuration’s own nofile limit and adds one beside its other settings', () => {
    const own = '{"ulimits":[{"name":"nofile","softLimit":100000}]}';
    expect(withOpenFiles(own)).toBe(own);
    expect(JSON.parse(withOpenFiles('{"environment":[{"name":"X","value":"1"}]}'))).toEqual({
      environment: [{ name: 'X', value: '1' }],
      ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 65535 }],
    });
    expect(() => withOpenFiles('{not json')).toThrow(/--launch-config is not JSON/);
  });

  it('gives Lambda its own flags and no Fargate defaults, and refuses the other runner’s flags', () => {
    expect(
      cloudArtilleryArgs({ ...BASE, runner: 'aws-lambda', flags: { 'memory-size': '2048', architecture: 'x86_64' } }),
    ).toEqual(['run-lambda', ...BASE_ARGS, '--memory-size', '2048', '--architecture', 'x86_64', 'test.yml']);
    expect(() => cloudArtilleryArgs({ ...BASE, runner: 'aws-lambda', flags: { spot: true } })).toThrow(
      /--spot is a flag of --on aws-fargate/,
    );
    expect(() => cloudArtilleryArgs({ ...BASE, flags: { 'memory-size': '1' } })).toThrow(
      /--memory-size is a flag of --on aws-lambda/,
    );
  });

  it('quotes for a POSIX shell only what needs it', () => {
    expect(shellCommand(['npx', 'artillery', '--name', "saleready it's", '--launch-config', '{"a":1}'])).toBe(
      `npx artillery --name 'saleready it'\\''s' --launch-config '{"a":1}'`,
    );
  });
});

describe('the local AWS credential check', () => {
  function files(credentials: string, config = ''): NodeJS.ProcessEnv {
    const dir = freshDirIn(work, 'aws');
    writeFileSync(join(dir, 'credentials'), credentials);
    writeFileSync(join(dir, 'config'), config);
    return { HOME: dir, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') };
  }

  it('finds keys in the environment first', () => {
    expect(checkAwsCredentials({ env: { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' } })).toMatchObject({
      found: true,
      source: 'the environment (AWS_ACCESS_KEY_ID)',
    });
  });

  it('reads the profile the SDK would: credentials file over config file, SSO, assumed roles and their sources', () => {
    expect(
      checkAwsCredentials({ env: files('[default]\naws_access_key_id = a\naws_secret_access_key = b\n') }),
    ).toMatchObject({ found: true, source: 'profile "default" (access keys)' });
    expect(
      checkAwsCredentials({
        env: { ...files('', '[profile sso]\nsso_session = corp\nsso_account_id = 1\n'), AWS_PROFILE: 'sso' },
      }),
    ).toMatchObject({ found: true, source: 'profile "sso" (AWS IAM Identity Center (SSO))' });
    const role = files(
      '[base]\naws_access_key_id = a\naws_secret_access_key = b\n',
      '[profile deploy]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = base\n',
    );
    expect(checkAwsCredentials({ env: { ...role, AWS_PROFILE: 'deploy' } })).toMatchObject({ found: true });
    const broken = files('', '[profile deploy]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = missing\n');
    const missing = checkAwsCredentials({ env: { ...broken, AWS_PROFILE: 'deploy' } });
    expect(missing.found).toBe(false);
    expect(missing.found === false && missing.looked.join('\n')).toContain(
      'its source_profile "missing": no profile "missing"',
    );
  });

  it('uses instance or container roles only when asked: they are network endpoints', () => {
    const instance = files(
      '',
      '[default]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Ec2InstanceMetadata\n',
    );
    expect(checkAwsCredentials({ env: instance }).found).toBe(false);
    expect(checkAwsCredentials({ env: instance, instanceCredentials: true })).toMatchObject({ found: true });
    const container = { ...files(''), AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x' };
    const refused = checkAwsCredentials({ env: container });
    expect(refused.found === false && refused.looked.join('\n')).toContain(
      'AWS_CONTAINER_CREDENTIALS_* is set, but used only with --instance-credentials',
    );
    expect(checkAwsCredentials({ env: container, instanceCredentials: true })).toMatchObject({
      found: true,
      source: 'the ECS container role (asked for with --instance-credentials)',
    });
  });

  it('gives Artillery an environment without metadata or container lookups unless asked', () => {
    const env = cloudEnvironment({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.2/x',
      AWS_ACCESS_KEY_ID: 'a',
      PATH: '/bin',
    });
    expect(env).toEqual({ AWS_ACCESS_KEY_ID: 'a', PATH: '/bin', AWS_EC2_METADATA_DISABLED: 'true' });
    expect(cloudEnvironment({ AWS_CONTAINER_CREDENTIALS_FULL_URI: 'x' }, true)).toEqual({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: 'x',
    });
  });

  it('accepts web identity with a token file and a role', () => {
    const env = files('');
    writeFileSync(join(env.HOME!, 'token'), 'jwt');
    expect(
      checkAwsCredentials({
        env: { ...env, AWS_WEB_IDENTITY_TOKEN_FILE: join(env.HOME!, 'token'), AWS_ROLE_ARN: 'arn:aws:iam::1:role/ci' },
      }),
    ).toMatchObject({ found: true, source: 'web identity (AWS_WEB_IDENTITY_TOKEN_FILE)' });
  });
});
