/**
 * Loads a scenario file: `.ts`/`.mts`/`.js`/`.mjs` (default export or `scenario` export,
 * imported through tsx, which the CLI registers), `.yaml`/`.yml` or `.json`. Every format
 * goes through the same schema (parseScenario).
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors.ts';
import { parseScenario } from './parse-scenario.ts';
import type { Scenario } from './scenario-schema.ts';

const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError('scenario.not-found', `Cannot read the scenario ${path}${code === 'ENOENT' ? ': no such file' : `: ${code}`}`);
  }
}

async function importModule(path: string): Promise<unknown> {
  await readText(path); // a missing file is a usage error, not an import stack trace
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError('scenario.import-failed', `Cannot import the scenario ${path}: ${(error as Error).message}`);
  }
  const value = module.default ?? module.scenario;
  if (value === undefined) {
    throw new UsageError('scenario.no-export', `${path} exports no scenario`, [
      'Write `export default defineScenario({ … })` or `export const scenario = defineScenario({ … })`.',
    ]);
  }
  return value;
}

function parseText(text: string, path: string, format: 'yaml' | 'json'): unknown {
  try {
    return format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError('scenario.syntax', `${path} is not valid ${format.toUpperCase()}: ${(error as Error).message}`);
  }
}

/** Reads, parses and validates the scenario at `path`. */
export async function loadScenario(path: string): Promise<Scenario> {
  const absolute = resolve(path);
  const extension = extname(absolute).toLowerCase();
  let value: unknown;
  if (MODULE_EXTENSIONS.has(extension)) value = await importModule(absolute);
  else if (extension === '.yaml' || extension === '.yml') value = parseText(await readText(absolute), path, 'yaml');
  else if (extension === '.json') value = parseText(await readText(absolute), path, 'json');
  else {
    throw new UsageError('scenario.format', `${path}: unknown scenario format "${extension || '(none)'}"`, [
      'Use .ts, .yaml, .yml or .json.',
    ]);
  }
  return parseScenario(value, path);
}
