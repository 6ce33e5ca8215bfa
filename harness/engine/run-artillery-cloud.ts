/**
 * Runs `artillery run-fargate` / `run-lambda` and says how it ended. Artillery runs in its own
 * process group with its output going straight to a log file (not a pipe), so it outlives
 * saleready if saleready is killed and can still release its fleet; saleready tails the file.
 *
 * Stopping (Ctrl-C, a time limit): exactly one SIGINT, then wait — no SIGKILL. That is how
 * Artillery cleans up its own fleet: on SIGINT run-fargate prints "Stopping test run (SIGINT
 * received)...", stops every ECS task it launched (StopTask), deletes the run's SQS queue and
 * deregisters its task definition, then exits 1 (lib/platform/aws-ecs/legacy/run-cluster.ts,
 * gracefulShutdown → cleanupResources); run-lambda deletes its SQS queue and exits 130, but
 * functions already invoked run on to the end of their test or Lambda's 15-minute limit
 * (stopWorker is a no-op in lib/platform/aws-lambda/index.ts). A second signal would cut that
 * clean-up short, so it is never sent.
 *
 * A failure before any report (exit ≠ 0, no --output file) is an EnvironmentError (exit 3)
 * naming the AWS endpoint Artillery could not reach or the credentials AWS refused, with the
 * tail of Artillery's output.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { EnvironmentError } from '../errors.ts';
import type { ArtilleryInstall } from './locate-artillery.ts';
import { startArtillery } from './start-artillery.ts';

export interface RunArtilleryCloudOptions {
  readonly artillery: ArtilleryInstall;
  /** The arguments after `artillery` (cloudArtilleryArgs). */
  readonly args: readonly string[];
  /** Artillery runs here (the run folder: the test, its files, worker.env). */
  readonly cwd: string;
  /** The environment (cloudEnvironment: credentials, no metadata lookups); telemetry is turned off on top. */
  readonly env: NodeJS.ProcessEnv;
  readonly reportPath: string;
  readonly logPath: string;
  /** Each new line of Artillery's output, as it comes. */
  readonly onLine?: (line: string) => void;
  readonly signal?: AbortSignal;
  /** Stop (one SIGINT) after this long, ms. */
  readonly timeoutMs?: number;
}

export interface ArtilleryCloudResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Stopped by saleready (Ctrl-C or the time limit); null when it ended by itself. */
  readonly interruption: string | null;
  /** Artillery's merged report, when it wrote one. */
  readonly reportPath: string | null;
  readonly durationMs: number;
  readonly outputTail: string;
}

const TAIL_CHARS = 8000;

/** Where a failed cloud command could not get to, read from its output: an AWS endpoint or a refusal. */
export function explainCloudFailure(
  output: string,
  env: NodeJS.ProcessEnv,
): { code: string; message: string; hints: string[] } | null {
  const endpoint = env.AWS_ENDPOINT_URL ? ` (AWS_ENDPOINT_URL=${env.AWS_ENDPOINT_URL})` : '';
  const connect = /connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET) (\S+)/.exec(output);
  const dns = /getaddrinfo (ENOTFOUND|EAI_AGAIN) (\S+)/.exec(output);
  if (connect || dns) {
    const [, code, where] = (connect ?? dns) as RegExpExecArray;
    return {
      code: 'engine.cloud-aws-unreachable',
      message: `Artillery could not reach AWS at ${where}${endpoint}: ${code}. It stopped before launching any worker.`,
      hints: [
        'Check the network and the AWS endpoint settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, endpoint_url in ~/.aws/config).',
        `Artillery's output is in ${'artillery.log'} in the run folder.`,
      ],
    };
  }
  const refused =
    /(InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken\w*|UnrecognizedClientException|AuthFailure|InvalidAccessKeyId|AccessDenied\w*|CredentialsProviderError|Could not load credentials[^\n]*)/.exec(
      output,
    );
  if (refused) {
    return {
      code: 'engine.cloud-aws-refused',
      message: `AWS refused the run: ${refused[1]}.`,
      hints: [
        'Check the credentials (a wrong or expired key, or a role without the permissions Artillery needs: node_modules/artillery/lib/platform/aws/iam-cf-templates/).',
      ],
    };
  }
  return null;
}

/** Reads what the log file gained since `from`; returns the text and the new offset. */
function readNew(path: string, from: number): { text: string; offset: number } {
  if (!existsSync(path)) return { text: '', offset: from };
  const size = statSync(path).size;
  if (size <= from) return { text: '', offset: from };
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(size - from);
    const read = readSync(fd, buffer, 0, buffer.length, from);
    return { text: buffer.subarray(0, read).toString('utf8'), offset: from + read };
  } finally {
    closeSync(fd);
  }
}

export async function runArtilleryCloud(options: RunArtilleryCloudOptions): Promise<ArtilleryCloudResult> {
  if (options.signal?.aborted)
    throw new EnvironmentError('engine.cloud-not-started', 'The run was cancelled before Artillery started.');
  const logFd = openSync(options.logPath, 'a');
  const started = Date.now();
  const artillery = startArtillery({
    artillery: options.artillery,
    args: options.args,
    cwd: options.cwd,
    env: options.env,
    output: logFd,
    // one SIGINT and no SIGKILL: Artillery then stops its workers and deletes what it created
    stopGraceMs: null,
    signal: options.signal,
    abortReason:
      'The run was interrupted (Ctrl-C): Artillery was asked to stop its workers and release its AWS resources',
    timeoutMs: options.timeoutMs,
    timeoutReason:
      options.timeoutMs === undefined
        ? undefined
        : `The run was stopped after ${Math.round(options.timeoutMs / 60_000)} min, its time limit`,
    spawnErrorCode: 'engine.cloud-spawn-failed',
  });
  closeSync(logFd);

  let outputTail = '';
  let offset = 0;
  let partial = '';
  const follow = (): void => {
    const { text, offset: next } = readNew(options.logPath, offset);
    offset = next;
    if (text === '') return;
    outputTail = (outputTail + text).slice(-TAIL_CHARS);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) options.onLine?.(line);
  };
  const poll = setInterval(follow, 500);

  const { code, signal } = await artillery.exited.finally(() => clearInterval(poll));
  const interruption = artillery.stopReason;
  follow();
  if (partial !== '') options.onLine?.(partial);

  const reportPath = existsSync(resolve(options.cwd, options.reportPath))
    ? resolve(options.cwd, options.reportPath)
    : null;
  if (reportPath === null && interruption === null && code !== 0) {
    const explained = explainCloudFailure(outputTail, options.env);
    const tail = outputTail.trim().split('\n').slice(-12).join('\n');
    if (explained) throw new EnvironmentError(explained.code, explained.message, explained.hints);
    throw new EnvironmentError(
      'engine.cloud-failed',
      `Artillery ended with exit ${code ?? signal} before writing its report:\n${tail}`,
      [`The whole output is in ${options.logPath}.`],
    );
  }
  return { exitCode: code, signal, interruption, reportPath, durationMs: Date.now() - started, outputTail };
}
