import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { UsageError } from '../errors.ts';
import { damagedGzipError, isGzipCutShort, isGzipError, isGzipFile } from '../results/index.ts';

/** The two raw formats k6 writes: `--out json=…` (JSON lines) and `--out csv=…`. */
export type K6OutputFormat = 'json' | 'csv';
/** What `saleready analyze` reads: k6 JSON or CSV output, or Artillery's own report (`artillery run --output`). */
export type OutputFormat = K6OutputFormat | 'artillery';

/**
 * Tells the formats apart by the start of the file (gzipped or not; at most its first 64 KiB):
 * k6 CSV starts with the header `metric_name,timestamp,…`; an Artillery report is one JSON
 * object whose first key is `aggregate` or `intermediate` (Artillery writes `aggregate` then
 * `intermediate`; readArtilleryReport checks both are there); k6 JSON is one object a line.
 * Anything else is a UsageError naming the file.
 */
export async function detectOutputFormat(path: string): Promise<OutputFormat> {
  let gzip: boolean;
  try {
    gzip = await isGzipFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error));
    throw new UsageError('analyze.unreadable', `cannot read ${path}: ${reason}`, [
      'pass the files k6 wrote with --out json=<file> or --out csv=<file>, or the report `artillery run --output <file>` wrote',
    ]);
  }
  const { text, failure } = await readHead(path, gzip);
  if (gzip && text === '' && failure !== null && isGzipError(failure) && !isGzipCutShort(failure)) {
    throw damagedGzipError(path, failure, 0, 'the file k6 or Artillery wrote');
  }
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^\{\s*"(aggregate|intermediate)"\s*:/.test(head)) return 'artillery';
  const firstLine = head.split('\n', 1)[0] ?? '';
  if (firstLine.startsWith('metric_name,')) return 'csv';
  if (firstLine.startsWith('{')) return 'json';
  throw new UsageError(
    'analyze.not-k6-output',
    `${path} is neither k6 output (JSON or CSV) nor an Artillery report (it starts with "${firstLine.slice(0, 60)}")`,
    [
      'k6 writes raw JSON with --out json=<file>[.gz] and CSV with --out csv=<file>[.gz]; Artillery writes its report with `artillery run --output <file>`',
    ],
  );
}

async function readHead(path: string, gzip: boolean): Promise<{ text: string; failure: unknown }> {
  const limit = 64 * 1024;
  const input = createReadStream(path, { start: 0, end: gzip ? undefined : limit - 1 });
  const stream = gzip ? input.pipe(createGunzip()) : input;
  let text = '';
  let failure: unknown = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      text += chunk.toString('utf8');
      // Enough to see the first line (k6) or the first key of a pretty-printed report (Artillery).
      if (text.length >= limit || (text.includes('\n') && text.length >= 1024)) break;
    }
  } catch (error) {
    // A gzip file cut short still shows its first line; anything unreadable is judged by the caller.
    failure = error;
  } finally {
    input.destroy();
  }
  return { text, failure };
}
