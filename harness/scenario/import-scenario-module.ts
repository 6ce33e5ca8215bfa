/**
 * Imports a TypeScript or JavaScript scenario in a worker thread, as an ES module wherever it
 * sits (a `.ts` in a package without `"type": "module"` included: import-scenario-worker.mjs),
 * and hands back its exported value as plain data. The worker has a time limit and is
 * stopped on an abort (Ctrl-C), so a scenario that loops at import cannot hang saleready, and
 * a `process.exit()` in it ends only the worker: no scenario, an error, never a silent pass.
 * A failure is a UsageError with the real error, its file and line, and no stack trace.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InterruptedError, UsageError } from '../errors.ts';

export interface ImportScenarioOptions {
  /** Longest a module scenario may take to import, ms (default 10 s). */
  readonly timeoutMs?: number;
  /** Aborting it stops the import at once (exit 4). */
  readonly signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const WORKER_URL = new URL('./import-scenario-worker.mjs', import.meta.url);
const EXPORT_HINT = 'Write `export default defineScenario({ … })` or `export const scenario = defineScenario({ … })`.';

/** What the worker posts back (import-scenario-worker.mjs). */
type WorkerMessage =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'no-export'; readonly exports: readonly string[] }
  | { readonly kind: 'not-data'; readonly message: string }
  | {
      readonly kind: 'failed';
      readonly name: string;
      readonly message: string;
      readonly stack: string;
      readonly code: string | null;
    };

const CONTROL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const clean = (text: string): string => text.replace(CONTROL_CHARACTERS, ' ');

/** `file:///a/b.ts` or `/a/b.ts` → `/a/b.ts`. */
function toPath(location: string): string {
  try {
    return location.startsWith('file:') ? fileURLToPath(location.replace(/\?.*$/, '')) : location;
  } catch {
    return location;
  }
}

/** The first line of `path` that mentions `needle` in quotes (an import of it), 1-based. */
function lineMentioning(path: string, needle: string): number | null {
  try {
    const lines = readFileSync(path, 'utf8').split('\n');
    const index = lines.findIndex((line) =>
      new RegExp(`['"\`][^'"\`]*${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^'"\`]*['"\`]`).test(line),
    );
    return index === -1 ? null : index + 1;
  } catch {
    return null;
  }
}

/** Where the error happened in the user's files: `file:line[:column]`, or null. */
function locate(failure: Extract<WorkerMessage, { kind: 'failed' }>, scenarioPath: string): string | null {
  // esbuild's transform error: "/a/b.ts:2:12: ERROR: …"
  const transform = /(\/[^\s:]+):(\d+):(\d+): ERROR:/.exec(failure.message);
  if (transform) return `${transform[1]}:${transform[2]}:${transform[3]}`;
  // a module that is not there: "Cannot find module '/a/nope.ts' imported from /a/b.ts"
  const missing = /Cannot find (?:module|package) '([^']+)' imported from (\S+)/.exec(failure.message);
  if (missing) {
    const importer = toPath(missing[2]!);
    const line =
      lineMentioning(importer, basename(missing[1]!).replace(/\.[cm]?[jt]s$/, '')) ??
      lineMentioning(importer, missing[1]!);
    return line === null ? importer : `${importer}:${line}`;
  }
  // a link error (a missing export): the stack starts with "/a/b.ts:1" and the line's code
  const linked = /^((?:file:\/\/)?\/[^\n:]+):(\d+)\n/.exec(failure.stack);
  if (linked) return `${toPath(linked[1]!)}:${linked[2]}`;
  // a throw: the first frame in a file of the user's (not node's, not a dependency's)
  const frames = [...failure.stack.matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?$/gm)];
  const own =
    frames.find((frame) => !frame[1]!.includes('/node_modules/') && toPath(frame[1]!) === scenarioPath) ??
    frames.find((frame) => !frame[1]!.includes('/node_modules/'));
  return own ? `${toPath(own[1]!)}:${own[2]}:${own[3]}` : null;
}

/** The error's own words, without the esbuild preamble, code excerpts or stack frames. */
function errorWords(failure: Extract<WorkerMessage, { kind: 'failed' }>): string {
  const transform = /: ERROR: (.+)/.exec(failure.message);
  if (transform) return transform[1]!;
  const first =
    failure.message
      .split('\n')
      .find((line) => line.trim() !== '' && !/^\s+at /.test(line) && !/^Require stack/.test(line)) ?? failure.name;
  return failure.name && failure.name !== 'Error' && !first.startsWith(failure.name)
    ? `${failure.name}: ${first}`
    : first;
}

function describeFailure(message: Extract<WorkerMessage, { kind: 'failed' }>, path: string): UsageError {
  const where = locate(message, path);
  return new UsageError(
    'scenario.import-failed',
    `Cannot load the scenario ${path}: ${clean(errorWords(message))}${where ? `\n  in ${where}` : ''}`,
  );
}

/** Imports the module scenario at the absolute `path` and returns its scenario export. */
export function importScenarioModule(path: string, options: ImportScenarioOptions = {}): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (options.signal?.aborted)
    return Promise.reject(
      new InterruptedError(
        'scenario.import-interrupted',
        `interrupted while loading the scenario ${path}; nothing was run`,
      ),
    );
  return new Promise((resolvePromise, rejectPromise) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { url: pathToFileURL(path).href },
      execArgv: [],
      // a scenario that builds a huge value at import fails in its worker, not in saleready
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners('message');
      // the worker has nothing more to do: end it (deferred timers of the scenario never run)
      void worker.terminate();
      outcome();
    };
    const onAbort = (): void =>
      finish(() =>
        rejectPromise(
          new InterruptedError(
            'scenario.import-interrupted',
            `interrupted while loading the scenario ${path}; nothing was run`,
          ),
        ),
      );
    const timer = setTimeout(
      () =>
        finish(() =>
          rejectPromise(
            new UsageError(
              'scenario.import-timeout',
              `The scenario ${path} did not finish loading within ${timeoutMs / 1000} s: does it loop, or wait for something, when imported?`,
              ['A scenario module should only build and export its value.'],
            ),
          ),
        ),
      timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      switch (message.kind) {
        case 'value':
          return finish(() => resolvePromise(message.value));
        case 'no-export':
          return finish(() =>
            rejectPromise(
              new UsageError(
                'scenario.no-export',
                `${path} exports no scenario${message.exports.length > 0 ? ` (it exports ${message.exports.slice(0, 5).map(clean).join(', ')})` : ''}`,
                [EXPORT_HINT],
              ),
            ),
          );
        case 'not-data':
          return finish(() =>
            rejectPromise(
              new UsageError(
                'scenario.not-data',
                `${path} exports a scenario that is not plain data (${clean(message.message)}): a scenario holds only text, numbers, true/false, lists and sections`,
              ),
            ),
          );
        case 'failed':
          return finish(() => rejectPromise(describeFailure(message, path)));
      }
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        rejectPromise(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new UsageError(
                'scenario.import-failed',
                `Cannot load the scenario ${path}: it used more than 512 MB of memory while being imported`,
              )
            : describeFailure(
                {
                  kind: 'failed',
                  name: error.name,
                  message: error.message,
                  stack: error.stack ?? '',
                  code: error.code ?? null,
                },
                path,
              ),
        ),
      ),
    );
    worker.on('exit', (exitCode) =>
      finish(() =>
        rejectPromise(
          new UsageError(
            'scenario.import-exited',
            `The scenario ${path} ended its process (process.exit(${exitCode})) while being imported, so it gave no scenario`,
            ['A scenario module should only build and export its value; it must not call process.exit().'],
          ),
        ),
      ),
    );
  });
}
