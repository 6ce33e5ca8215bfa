/**
 * `saleready analyze` on damaged files (issue 12, Medium 9): a gzip whose data is corrupt after
 * its first block ends in exit 2 naming the file and how far it was read; a gzip cut short (a
 * run killed while writing) is read up to where it ends, with a warning, for k6 JSON and CSV
 * alike. Never exit 70, never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('damaged');
const fixture = (name: string): Buffer => readFileSync(join(repoRoot, 'fixtures', 'results', name));

/** The file with 64 bytes flipped from the middle on: its first deflate blocks still read. */
function corrupt(name: string, bytes: Buffer): string {
  const copy = Buffer.from(bytes);
  const from = Math.floor(copy.length / 2);
  for (let i = from; i < from + 64; i++) copy[i] = copy[i]! ^ 0x5a;
  const path = join(dir, `corrupt-${name}`);
  writeFileSync(path, copy);
  return path;
}

function truncated(name: string, bytes: Buffer): string {
  const path = join(dir, `cut-${name}`);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  return path;
}

const inputs: [string, Buffer][] = [
  ['small-sale.json.gz', fixture('small-sale.json.gz')],
  ['small-sale.csv.gz', fixture('small-sale.csv.gz')],
  ['artillery-crowd.json.gz', gzipSync(fixture('artillery-crowd.json'))],
];

describe('analyze on damaged gzip files', () => {
  for (const [name, bytes] of inputs) {
    it(`${name} corrupt after its first block: exit 2 naming the file`, async () => {
      const path = corrupt(name, bytes);
      const result = await runCli(['analyze', path, '--out', join(dir, 'reports')]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(path);
      expect(result.stderr).toMatch(/is a damaged gzip file/);
      expect(result.stderr).not.toMatch(/unexpected failure|\n\s+at /);
    });
  }

  for (const [name, bytes] of inputs.slice(0, 2)) {
    it(`${name} cut short: read up to where it ends, with a warning naming the file`, async () => {
      const path = truncated(name, bytes);
      const result = await runCli(['analyze', path, '--out', join(dir, 'reports')]);
      expect([0, 1], result.stderr).toContain(result.code);
      expect(result.stderr).toContain(`warning: ${path}`);
      expect(result.stderr).toMatch(/cut short/);
    });
  }
});
