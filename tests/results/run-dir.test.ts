import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunDir } from '../../harness/results/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const base = useTempDir('rundir');

describe('createRunDir', () => {
  const now = new Date(Date.UTC(2026, 10, 25, 19, 52, 51, 789));

  it('makes reports/<scenario>-<UTC timestamp>/ with a name safe in any shell', async () => {
    const dir = await createRunDir(join(base, 'reports'), 'Flash Sale: 한정판 / v2', now);
    expect(basename(dir)).toBe('flash-sale-v2-2026-11-25T19-52-51Z');
  });

  it('never reuses an existing folder: a second run in the same second gets -2, then -3', async () => {
    const first = await createRunDir(base, 'flash-sale', now);
    writeFileSync(join(first, 'summary.json'), '{}');
    const second = await createRunDir(base, 'flash-sale', now);
    const third = await createRunDir(base, 'flash-sale', now);
    expect([first, second, third].map((dir) => basename(dir))).toEqual([
      'flash-sale-2026-11-25T19-52-51Z',
      'flash-sale-2026-11-25T19-52-51Z-2',
      'flash-sale-2026-11-25T19-52-51Z-3',
    ]);
    expect(readdirSync(first)).toEqual(['summary.json']);
  });
});
