/**
 * AGENTS.md's file map matches the tree: every path it names exists, and every stage, shared
 * module and top-level folder of the repository has a row.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const agents = readFileSync(join(root, 'AGENTS.md'), 'utf8');
const map = agents.slice(agents.indexOf('## File map'), agents.indexOf('## Rules of the house'));
/** The paths in the first column of each row. */
const named = map
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));

describe('AGENTS.md file map', () => {
  it('names only paths that exist', () => {
    expect(named.length).toBeGreaterThan(20);
    const missing = named.filter((path) => !path.includes('<') && !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });

  it('has a row for every stage and shared module of harness/ and every top-level folder', () => {
    const covered = (path: string): boolean => named.some((name) => name === path || name.replace(/\/$/, '') === path);
    const harness = readdirSync(join(root, 'harness'), { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? `harness/${entry.name}/` : `harness/${entry.name}`,
    );
    const topLevel = readdirSync(root, { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && !['.git', 'node_modules', 'reports', 'harness', 'tests'].includes(entry.name),
      )
      .map((entry) => `${entry.name}/`);
    // a top-level folder may be covered by rows for what is inside it (`.ci/run`, `fixtures/results/`)
    const unmapped = [
      ...harness.filter((path) => !covered(path) && !covered(path.replace(/\/$/, ''))),
      ...topLevel.filter((path) => !named.some((name) => name.startsWith(path) || name === path.replace(/\/$/, ''))),
    ];
    expect(unmapped).toEqual([]);
  });
});
