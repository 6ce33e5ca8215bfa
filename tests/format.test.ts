/**
 * The code is formatted (Prettier, print width 120: .prettierrc.json), so no line runs to 400
 * characters and a diff shows what changed, not how it was typed. `npm run format` fixes it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const FOLDERS = ['harness', 'tests', 'bench', 'scripts', 'scenarios', 'bin'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|mts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe('formatting', () => {
  it('every source file is as Prettier writes it (run `npm run format`)', async () => {
    const options = await prettier.resolveConfig(join(root, 'harness', 'errors.ts'));
    const files = FOLDERS.flatMap((folder) => sources(join(root, folder)));
    expect(files.length).toBeGreaterThan(300);
    const unformatted: string[] = [];
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      if (!(await prettier.check(text, { ...options, filepath: path }))) unformatted.push(relative(root, path));
    }
    expect(unformatted).toEqual([]);
  }, 60_000);
});
