import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePeoplePool, writePoolJson } from '../../harness/people/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const directory = useTempDir('people-pool');

describe('writePoolJson', () => {
  it('writes a JSON array that parses back to the same people, as k6 SharedArray reads it', async () => {
    const pool = generatePeoplePool({ people: 5_003, seed: 8, botShare: 0.2, ringSize: 3, locale: 'ko' });
    const path = join(directory, 'nested', 'pool.json');
    const written = await writePoolJson(pool, path);
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text)).toEqual([...pool]);
    expect(written).toEqual({ path, people: 5_003, bytes: (await stat(path)).size });
  });

  it('writes an empty array for an empty list', async () => {
    const path = join(directory, 'empty.json');
    await writePoolJson([], path);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual([]);
  });

  it('rejects when the file cannot be written', async () => {
    const pool = generatePeoplePool({ people: 3, seed: 1 });
    await expect(writePoolJson(pool, join(directory, 'empty.json', 'inside.json'))).rejects.toThrow();
  });
});
