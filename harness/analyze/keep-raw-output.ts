import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { isGzipFile } from '../results/index.ts';
import type { K6OutputFormat } from './detect-format.ts';

/**
 * Keeps the analyzed raw output in the run folder, gzipped, the way `saleready run` does
 * (DESIGN.md, "Run folder"): JSON inputs become one `k6-raw.json.gz` (gzip members one after
 * another, which gunzip reads as one stream: the lines of every k6 instance, merged exactly
 * again on ingest); CSV inputs, each with its own header, become `k6-raw-1.csv.gz`, … .
 * Streams, so memory stays flat in the files' length. Returns the file names written.
 */
export async function keepRawOutput(runDir: string, paths: readonly string[], format: K6OutputFormat): Promise<string[]> {
  if (format === 'json') {
    const name = 'k6-raw.json.gz';
    const out = createWriteStream(join(runDir, name));
    try {
      for (const path of paths) await appendGzipped(path, out);
    } finally {
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
    return [name];
  }
  const names: string[] = [];
  for (const [index, path] of paths.entries()) {
    const name = paths.length === 1 ? 'k6-raw.csv.gz' : `k6-raw-${index + 1}.csv.gz`;
    const out = createWriteStream(join(runDir, name));
    await appendGzipped(path, out);
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    names.push(name);
  }
  return names;
}

async function appendGzipped(path: string, out: NodeJS.WritableStream): Promise<void> {
  const input = createReadStream(path);
  if (await isGzipFile(path)) await pipeline(input, out, { end: false });
  else await pipeline(input, createGzip(), out, { end: false });
}
