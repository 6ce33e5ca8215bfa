import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { artilleryReportRecords, isGzipFile, readArtilleryReport } from '../results/index.ts';
import type { OutputFormat } from './detect-format.ts';

/** Where an analyzed Artillery run keeps the report, and its counts as saleready's records (read back by compare and gate). */
export const ARTILLERY_REPORT_FILE = 'artillery-report.json.gz';
export const ARTILLERY_RECORDS_FILE = join('records', 'artillery-report.ndjson.gz');

/**
 * Keeps the analyzed raw output in the run folder, gzipped, the way `saleready run` does
 * (DESIGN.md, "Run folder"): JSON inputs become one `k6-raw.json.gz` (gzip members one after
 * another, which gunzip reads as one stream: the lines of every k6 instance, merged exactly
 * again on ingest); CSV inputs, each with its own header, become `k6-raw-1.csv.gz`, … .
 * An Artillery report is kept as `artillery-report.json.gz`, and its exact counts as
 * saleready's own records in `records/artillery-report.ndjson.gz` (artilleryReportRecords),
 * which compare and gate read back as they read a `saleready run`'s records.
 * Streams, so memory stays flat in the files' length. Returns the file names written.
 */
export async function keepRawOutput(runDir: string, paths: readonly string[], format: OutputFormat): Promise<string[]> {
  if (format === 'artillery') {
    const path = paths[0] as string;
    const lines = artilleryReportRecords(await readArtilleryReport(path));
    const out = createWriteStream(join(runDir, ARTILLERY_REPORT_FILE));
    await appendGzipped(path, out);
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await mkdir(join(runDir, 'records'), { recursive: true });
    await writeFile(join(runDir, ARTILLERY_RECORDS_FILE), gzipSync(`${lines.join('\n')}\n`));
    return [ARTILLERY_REPORT_FILE, ARTILLERY_RECORDS_FILE];
  }
  if (format === 'json') {
    const name = 'k6-raw.json.gz';
    const out = createWriteStream(join(runDir, name));
    try {
      for (const path of paths) await appendGzipped(path, out);
    } finally {
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
    return [name];
  }
  const names: string[] = [];
  for (const [index, path] of paths.entries()) {
    const name = paths.length === 1 ? 'k6-raw.csv.gz' : `k6-raw-${index + 1}.csv.gz`;
    const out = createWriteStream(join(runDir, name));
    await appendGzipped(path, out);
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    names.push(name);
  }
  return names;
}

async function appendGzipped(path: string, out: NodeJS.WritableStream): Promise<void> {
  const input = createReadStream(path);
  if (await isGzipFile(path)) await pipeline(input, out, { end: false });
  else await pipeline(input, createGzip(), out, { end: false });
}
