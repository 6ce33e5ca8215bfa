/**
 * The house rules of DESIGN.md and STYLE.md, checked on the source: no import cycles (madge),
 * one door per stage (another stage's code is imported through its index.ts only), pure
 * stages (stats and capacity import no Node built-ins; capacity imports no report), and a
 * shop that knows nothing of the harness beyond its errors and random numbers; and tests that
 * make temp folders only through tests/helpers/temp-dir.ts, which removes them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const harness = join(import.meta.dirname, '..', 'harness');
/** Shared leaves every stage may import directly. */
const LEAVES = new Set(['errors.ts', 'vocabulary.ts', 'random.ts', 'text.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'artillery-engine-saleready' || name === 'runtime' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of every harness file: [importing file, imported file], both relative to harness/. */
function imports(): [string, string][] {
  return sources(harness).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((match): [string, string] => [
      relative(harness, path),
      relative(harness, normalize(join(dirname(path), match[1]!))),
    ]),
  );
}

describe('the harness’s architecture', () => {
  it('has no import cycles, type-only imports included (madge)', async () => {
    const graph = await madge(harness, {
      fileExtensions: ['ts'],
      tsConfig: join(import.meta.dirname, '..', 'tsconfig.json'),
      excludeRegExp: [/artillery-engine-saleready/, /runtime\//],
    });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(200);
    expect(graph.circular()).toEqual([]);
  }, 60_000);

  it('imports another stage only through its index.ts', () => {
    const stageOf = (file: string): string => file.split('/')[0]!;
    const wrong = imports().filter(([from, to]) => {
      if (LEAVES.has(to) || stageOf(from) === stageOf(to)) return false;
      return !(to.split('/').length === 2 && to.endsWith('/index.ts'));
    });
    expect(wrong.map(([from, to]) => `${from} → ${to}`)).toEqual([]);
  });

  it('keeps stats and capacity pure: no Node built-ins', () => {
    const impure = sources(harness)
      .filter((path) => /\/(stats|capacity)\//.test(path))
      .filter((path) => /from 'node:|from '(fs|path|os|child_process|http|zlib)'/.test(readFileSync(path, 'utf8')));
    expect(impure.map((path) => relative(harness, path))).toEqual([]);
  });

  it('keeps capacity free of report: results are turned into words in report, never in capacity', () => {
    const upstream = imports().filter(([from, to]) => from.startsWith('capacity/') && to.startsWith('report/'));
    expect(upstream).toEqual([]);
  });

  it('lets the shop import nothing of the harness but errors and random numbers', () => {
    const outside = imports().filter(
      ([from, to]) => from.startsWith('shop/') && !to.startsWith('shop/') && !['errors.ts', 'random.ts'].includes(to),
    );
    expect(outside).toEqual([]);
  });
});

describe('the tests’ house rules', () => {
  const tests = import.meta.dirname;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
    );

  it('make temp folders only through tests/helpers/temp-dir.ts, which removes them after each file or test', () => {
    const own = walk(tests)
      .filter(
        (path) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(path) && relative(tests, path) !== join('helpers', 'temp-dir.ts'),
      )
      .filter((path) => /\bmk[d]temp|\btmp[d]ir\b/.test(readFileSync(path, 'utf8')));
    expect(own.map((path) => relative(tests, path))).toEqual([]);
  });
});
