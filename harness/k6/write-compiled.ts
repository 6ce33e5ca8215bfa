/**
 * Writes a compiled scenario into a folder (the run folder): `script.js`, the journey
 * library beside it and the embedded shop's configuration, so k6 alone can rerun it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCRIPT_FILE, type CompiledScenario } from './compile-scenario.ts';

/** Writes the script and its files into `dir`; returns the script's path. */
export function writeCompiledScenario(compiled: CompiledScenario, dir: string): { scriptPath: string; files: string[] } {
  mkdirSync(dir, { recursive: true });
  const scriptPath = join(dir, SCRIPT_FILE);
  writeFileSync(scriptPath, compiled.script);
  const files = [scriptPath];
  for (const [name, text] of Object.entries(compiled.files)) {
    const path = join(dir, name);
    writeFileSync(path, text);
    files.push(path);
  }
  writeFileSync(join(dir, 'k6-options.json'), `${JSON.stringify(compiled.options, null, 2)}\n`);
  files.push(join(dir, 'k6-options.json'));
  return { scriptPath, files };
}
