/**
 * One error-code scheme across the harness: every code a typed error is thrown with is
 * `<stage>.<kebab-case>` (as commander's `commander.unknownOption`), so a script or a test can
 * match on a code without knowing which of three styles a stage used.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../harness/errors.ts';

const harness = join(import.meta.dirname, '..', 'harness');
const STAGES = readdirSync(harness).filter((name) => statSync(join(harness, name)).isDirectory());

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'artillery-engine-saleready' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('error codes', () => {
  const thrown = sources(harness).flatMap((path) =>
    [
      ...readFileSync(path, 'utf8').matchAll(
        /new (?:UsageError|EnvironmentError|InterruptedError|SalereadyError)\(\s*'([^']*)'/g,
      ),
    ].map((match) => ({ path, code: match[1]! })),
  );

  it('are found: the harness throws typed errors with more than 100 codes', () => {
    expect(new Set(thrown.map((error) => error.code)).size).toBeGreaterThan(100);
  });

  it('all read <stage>.<kebab-case>, with a stage that is a folder of harness/', () => {
    const bad = thrown.filter(({ code }) => {
      const match = /^([a-z]+)\.([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(code);
      return match === null || !STAGES.includes(match[1]!);
    });
    expect(bad.map(({ path, code }) => `${code} (${path.slice(harness.length + 1)})`)).toEqual([]);
  });

  it('end every way a command can end in a named exit code (no bare numbers)', () => {
    expect(Object.values(ExitCode).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 70]);
    const bare = sources(join(harness, 'cli')).filter((path) =>
      /\breturn (?:[1-9]\d*);|exitCode = [1-9]\d*;|process\.exit\([1-9]\d*\)/.test(readFileSync(path, 'utf8')),
    );
    expect(bare).toEqual([]);
  });
});
