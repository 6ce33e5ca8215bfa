/**
 * Writes a compiled test into the run folder: the Artillery test and the files beside it
 * (plan.json, shop-config.json), so that Artillery alone can rerun it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_FILE, type CompiledTest } from './compile-test.ts';

export function writeCompiledTest(compiled: CompiledTest, dir: string): { testPath: string } {
  mkdirSync(dir, { recursive: true });
  const testPath = join(dir, TEST_FILE);
  writeFileSync(testPath, compiled.test);
  for (const [name, text] of Object.entries(compiled.files)) writeFileSync(join(dir, name), text);
  return { testPath };
}
