/** Compresses the engine's record files in place (`x.ndjson` → `x.ndjson.gz`), keeping the run folder small. */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { listRecordFiles } from '../results/index.ts';

export async function compressRecords(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const path of await listRecordFiles(dir)) {
    if (path.endsWith('.gz')) continue;
    await pipeline(createReadStream(path), createGzip({ level: 6 }), createWriteStream(`${path}.gz`));
    await rm(path);
    written.push(`${path}.gz`);
  }
  return written;
}
