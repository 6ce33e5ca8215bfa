// Writes a compiled scenario to a fresh folder and asks the real k6 for its options.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireK6, writeCompiledScenario, type compileScenario } from '../../harness/k6/index.ts';

const execFileAsync = promisify(execFile);
const dirs: string[] = [];

export async function inspectCompiled(compiled: ReturnType<typeof compileScenario>): Promise<Record<string, any>> {
  const k6 = await requireK6();
  const dir = mkdtempSync(join(tmpdir(), 'saleready-inspect-'));
  dirs.push(dir);
  const { scriptPath } = writeCompiledScenario(compiled, dir);
  const { stdout } = await execFileAsync(k6.path, ['inspect', scriptPath], { cwd: dir });
  return JSON.parse(stdout) as Record<string, any>;
}

/** Removes the folders inspectCompiled made (call from afterAll). */
export function removeInspectFolders(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
