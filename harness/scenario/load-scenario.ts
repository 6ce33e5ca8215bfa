/**
 * Loads a scenario file: `.ts`/`.mts`/`.js`/`.mjs` (default export or `scenario` export,
 * imported as an ES module in a worker with a time limit: import-scenario-module.ts),
 * `.yaml`/`.yml` or `.json`. Every format goes through the same checks (parseScenario). YAML
 * is read as plain data: a tag that would make something else (`!!js/function`) is refused.
 */
import { stat, readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseDocument, type YAMLError } from 'yaml';
import { UsageError } from '../errors.ts';
import { importScenarioModule, type ImportScenarioOptions } from './import-scenario-module.ts';
import { parseScenario } from './parse-scenario.ts';
import { SCENARIO_LIMITS } from './scenario-limits.ts';
import type { Scenario } from './scenario-schema.ts';

const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);
/** A scenario is a few KB; a file this large is not one. */
const MAX_FILE_BYTES = 1024 * 1024;
const HINT = 'docs/SCENARIOS.md lists every field, its unit and what it allows.';

export type LoadScenarioOptions = ImportScenarioOptions;

async function readText(path: string): Promise<string> {
  try {
    const { size, isFile } = await stat(path).then((stats) => ({ size: stats.size, isFile: stats.isFile() }));
    if (!isFile) throw new UsageError('scenario.not-found', `Cannot read the scenario ${path}: it is not a file`);
    if (size > MAX_FILE_BYTES) {
      throw new UsageError(
        'scenario.too-large',
        `The scenario ${path} is ${(size / 1024 / 1024).toFixed(1)} MB; a scenario file holds at most 1 MB (they are a few KB)`,
      );
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      'scenario.not-found',
      `Cannot read the scenario ${path}${code === 'ENOENT' ? ': no such file' : `: ${code}`}`,
    );
  }
}

/** A parser's message, safe on a terminal: control characters other than line breaks escaped. */
function safeMessage(message: string): string {
  return message.replace(
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The top-level field a line of a YAML file belongs to (the last `key:` at column 0 at or above it). */
function topLevelKeyAt(text: string, line: number): string | null {
  const lines = text.split('\n').slice(0, line).reverse();
  for (const candidate of lines) {
    const match = /^([A-Za-z_][\w-]*)\s*:/.exec(candidate);
    if (match) return match[1]!;
  }
  return null;
}

function tooDeepYaml(
  path: string,
  text: string,
  error: { linePos?: readonly { line: number; col: number }[] },
): UsageError {
  const position = error.linePos?.[0];
  const field = position ? topLevelKeyAt(text, position.line) : null;
  const where = position ? ` (line ${position.line}, column ${position.col})` : '';
  return new UsageError(
    'scenario.too-deep',
    `${path} is not valid:\n✖ nests values deeper than ${SCENARIO_LIMITS.maxDepth} levels${where} → at ${field ?? '(root)'}`,
    [HINT],
  );
}

const isStackOverflow = (error: unknown): boolean =>
  error instanceof RangeError || /Maximum call stack/i.test(String((error as Error)?.message));

function parseYamlText(text: string, path: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const firstError = doc.errors[0] as YAMLError | undefined;
  if (firstError) {
    if (isStackOverflow(firstError)) throw tooDeepYaml(path, text, firstError);
    throw new UsageError('scenario.syntax', `${path} is not valid YAML: ${safeMessage(firstError.message)}`);
  }
  // An unknown tag would be a warning printed by Node on the side; here it is the error it is.
  const tag = doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (tag) {
    const position = tag.linePos?.[0];
    const name = /tag:yaml\.org,2002:(\S+)|Unresolved tag: (\S+)/.exec(tag.message);
    const shown = name ? (name[1] ? `!!${name[1]}` : name[2]) : 'a tag';
    throw new UsageError(
      'scenario.syntax',
      `${path}: the YAML tag ${safeMessage(shown ?? 'a tag')}${position ? ` at line ${position.line}, column ${position.col}` : ''} is not plain data; a scenario holds only text, numbers, true/false, lists and sections`,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeepYaml(path, text, {});
    if (/alias count/i.test((error as Error).message)) {
      throw new UsageError(
        'scenario.syntax',
        `${path} is not valid YAML: its aliases (*name) expand to too many values (a guard against alias bombs); write the values out`,
      );
    }
    throw new UsageError('scenario.syntax', `${path} is not valid YAML: ${safeMessage((error as Error).message)}`);
  }
}

function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (isStackOverflow(error))
      throw new UsageError(
        'scenario.too-deep',
        `${path} is not valid:\n✖ nests values deeper than ${SCENARIO_LIMITS.maxDepth} levels → at (root)`,
        [HINT],
      );
    throw new UsageError('scenario.syntax', `${path} is not valid JSON: ${safeMessage((error as Error).message)}`);
  }
}

/** Reads, parses and validates the scenario at `path`. */
export async function loadScenario(path: string, options: LoadScenarioOptions = {}): Promise<Scenario> {
  const absolute = resolve(path);
  const extension = extname(absolute).toLowerCase();
  let value: unknown;
  if (MODULE_EXTENSIONS.has(extension)) {
    await readText(absolute); // a missing file is a usage error, not an import stack trace
    value = await importScenarioModule(absolute, options);
  } else if (extension === '.yaml' || extension === '.yml') value = parseYamlText(await readText(absolute), path);
  else if (extension === '.json') value = parseJsonText(await readText(absolute), path);
  else {
    throw new UsageError(
      'scenario.format',
      `${path}: unknown scenario format "${safeMessage(extension) || '(none)'}"`,
      ['Use .ts, .yaml, .yml or .json.'],
    );
  }
  return parseScenario(value, path);
}
