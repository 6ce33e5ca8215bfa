/**
 * Before Artillery's AWS runners start: are there AWS credentials on this machine, and what
 * environment does Artillery get so that its SDK never goes looking for them on the network.
 * The check reads what the AWS SDK's default chain reads first, locally only: the environment
 * (AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY), the shared files' profile (AWS_PROFILE or
 * `default`, in AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE or ~/.aws/credentials and
 * ~/.aws/config: keys, SSO, a credential process, an assumed role whose source has
 * credentials, web identity) and AWS_WEB_IDENTITY_TOKEN_FILE. The chain's last resorts ask the
 * network: the ECS container endpoint (AWS_CONTAINER_CREDENTIALS_*) and the EC2 instance
 * metadata service (169.254.169.254, not loopback); both count only when the user asks for
 * instance credentials, and otherwise Artillery's environment turns them off
 * (AWS_EC2_METADATA_DISABLED=true, the container variables removed). Reads files; no network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AwsCredentialCheckOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Credentials from the instance or container role (network endpoints) are allowed. */
  readonly instanceCredentials?: boolean;
}

export type AwsCredentialCheck =
  | { readonly found: true; readonly source: string; readonly env: NodeJS.ProcessEnv }
  | {
      readonly found: false;
      readonly missing: string;
      readonly looked: readonly string[];
      readonly fixes: readonly string[];
    };

type Profile = Readonly<Record<string, string>>;

/** The sections of an INI file (`[name]` → key = value); none when the file is absent. */
function readIni(path: string): Map<string, Record<string, string>> {
  const sections = new Map<string, Record<string, string>>();
  if (!existsSync(path)) return sections;
  let current: Record<string, string> | null = null;
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = raw.replace(/^\s+|\s+$/g, '');
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      const name = (header[1] as string).trim();
      current = sections.get(name) ?? {};
      sections.set(name, current);
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (pair && current) current[(pair[1] as string).trim().toLowerCase()] = (pair[2] as string).trim();
  }
  return sections;
}

interface SharedFiles {
  readonly credentialsPath: string;
  readonly configPath: string;
  readonly credentials: Map<string, Record<string, string>>;
  readonly config: Map<string, Record<string, string>>;
}

function sharedFiles(env: NodeJS.ProcessEnv): SharedFiles {
  const home = env.HOME || env.USERPROFILE || homedir();
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials');
  const configPath = env.AWS_CONFIG_FILE || join(home, '.aws', 'config');
  return { credentialsPath, configPath, credentials: readIni(credentialsPath), config: readIni(configPath) };
}

/** A profile as the SDK merges it: the config file's `[profile x]` (or `[default]`) under the credentials file's `[x]`. */
function profileOf(files: SharedFiles, name: string): Profile | null {
  const fromConfig =
    files.config.get(name === 'default' ? 'default' : `profile ${name}`) ??
    (name === 'default' ? files.config.get('profile default') : undefined);
  const fromCredentials = files.credentials.get(name);
  if (!fromConfig && !fromCredentials) return null;
  return { ...fromConfig, ...fromCredentials };
}

/** How a profile provides credentials, or why it does not. */
function profileSource(
  files: SharedFiles,
  name: string,
  options: AwsCredentialCheckOptions,
  depth = 0,
): { ok: true; how: string } | { ok: false; why: string } {
  const profile = profileOf(files, name);
  if (!profile) return { ok: false, why: `no profile "${name}"` };
  if (profile.aws_access_key_id && profile.aws_secret_access_key) return { ok: true, how: 'access keys' };
  if (profile.sso_session || profile.sso_start_url) return { ok: true, how: 'AWS IAM Identity Center (SSO)' };
  if (profile.login_session) return { ok: true, how: 'an `aws login` session' };
  if (profile.credential_process) return { ok: true, how: 'a credential process' };
  if (profile.role_arn && profile.web_identity_token_file) {
    return existsSync(profile.web_identity_token_file)
      ? { ok: true, how: 'web identity' }
      : { ok: false, why: `its web_identity_token_file ${profile.web_identity_token_file} does not exist` };
  }
  if (profile.role_arn && profile.source_profile) {
    if (depth > 4) return { ok: false, why: 'its source_profile chain is longer than 5' };
    const source = profileSource(files, profile.source_profile, options, depth + 1);
    return source.ok
      ? { ok: true, how: `an assumed role (${profile.role_arn}) from profile "${profile.source_profile}"` }
      : { ok: false, why: `its source_profile "${profile.source_profile}": ${source.why}` };
  }
  if (profile.role_arn && profile.credential_source) {
    if (profile.credential_source === 'Environment') {
      return options.env.AWS_ACCESS_KEY_ID && options.env.AWS_SECRET_ACCESS_KEY
        ? { ok: true, how: 'an assumed role from the environment’s keys' }
        : {
            ok: false,
            why: 'credential_source = Environment, but AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are not set',
          };
    }
    return options.instanceCredentials
      ? { ok: true, how: `an assumed role from ${profile.credential_source}` }
      : {
          ok: false,
          why: `credential_source = ${profile.credential_source} asks the network for instance credentials (pass --instance-credentials to allow it)`,
        };
  }
  return {
    ok: false,
    why: `profile "${name}" has no aws_access_key_id/aws_secret_access_key, SSO, credential_process or role`,
  };
}

/** The environment Artillery's cloud commands run with: no credential lookups on the network unless asked. */
export function cloudEnvironment(env: NodeJS.ProcessEnv, instanceCredentials = false): NodeJS.ProcessEnv {
  if (instanceCredentials) return { ...env };
  const {
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: _relative,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: _full,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: _token,
    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: _tokenFile,
    ...rest
  } = env;
  return { ...rest, AWS_EC2_METADATA_DISABLED: 'true' };
}

/** Whether AWS credentials are at hand, and where; or what is missing and how to provide it. */
export function checkAwsCredentials(options: AwsCredentialCheckOptions): AwsCredentialCheck {
  const { env } = options;
  const environment = cloudEnvironment(env, options.instanceCredentials);
  const looked: string[] = [];
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY)
    return { found: true, source: 'the environment (AWS_ACCESS_KEY_ID)', env: environment };
  const half = env.AWS_ACCESS_KEY_ID ? 'AWS_SECRET_ACCESS_KEY' : env.AWS_SECRET_ACCESS_KEY ? 'AWS_ACCESS_KEY_ID' : null;
  looked.push(
    half
      ? `the environment: ${half} is missing (the other one is set)`
      : 'the environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set',
  );

  const files = sharedFiles(env);
  const name = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  const profile = profileSource(files, name, options);
  if (profile.ok) return { found: true, source: `profile "${name}" (${profile.how})`, env: environment };
  looked.push(`the shared files (${files.credentialsPath}, ${files.configPath}): ${profile.why}`);

  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) {
    if (env.AWS_ROLE_ARN && existsSync(env.AWS_WEB_IDENTITY_TOKEN_FILE))
      return { found: true, source: 'web identity (AWS_WEB_IDENTITY_TOKEN_FILE)', env: environment };
    looked.push(
      `web identity: ${env.AWS_ROLE_ARN ? `AWS_WEB_IDENTITY_TOKEN_FILE ${env.AWS_WEB_IDENTITY_TOKEN_FILE} does not exist` : 'AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not'}`,
    );
  } else looked.push('web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set');

  const container = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (options.instanceCredentials)
    return {
      found: true,
      source: container
        ? 'the ECS container role (asked for with --instance-credentials)'
        : 'the EC2 instance role (asked for with --instance-credentials)',
      env: environment,
    };
  looked.push(
    container
      ? 'the container role: AWS_CONTAINER_CREDENTIALS_* is set, but used only with --instance-credentials'
      : 'instance roles: not asked for (--instance-credentials)',
  );

  return {
    found: false,
    missing: half
      ? `${half} (AWS_${half === 'AWS_SECRET_ACCESS_KEY' ? 'ACCESS_KEY_ID' : 'SECRET_ACCESS_KEY'} is set without it)`
      : 'AWS credentials',
    looked,
    fixes: [
      'export AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… (and AWS_SESSION_TOKEN=… for temporary keys), or',
      `put a profile in ${files.credentialsPath} (\`aws configure\`, or \`aws configure sso\`) and set AWS_PROFILE=<name>, or`,
      'set AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN (CI with OIDC), or',
      'on an EC2 instance or ECS task with a role, pass --instance-credentials.',
      'The IAM permissions Artillery needs: node_modules/artillery/lib/platform/aws/iam-cf-templates/.',
    ],
  };
}
