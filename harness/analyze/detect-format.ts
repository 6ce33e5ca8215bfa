import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { UsageError } from '../errors.ts';
import { isGzipFile } from '../results/index.ts';

/** The two raw formats k6 writes: `--out json=…` (JSON lines) and `--out csv=…`. */
export type K6OutputFormat = 'json' | 'csv';

/**
 * Tells k6 JSON output from k6 CSV output by its first line (gzipped or not): a CSV file
 * starts with the header `metric_name,timestamp,…`, a JSON file with `{`. Reads at most the
 * first 64 KiB. Anything else is a UsageError naming the file.
 */
export async function detectK6OutputFormat(path: string): Promise<K6OutputFormat> {
  let gzip: boolean;
  try {
    gzip = await isGzipFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error));
    throw new UsageError('ANALYZE_UNREADABLE', `cannot read k6 output ${path}: ${reason}`, [
      'pass the files k6 wrote with --out json=<file> or --out csv=<file>',
    ]);
  }
  const head = await readHead(path, gzip);
  const firstLine = head.replace(/^\uFEFF/, '').trimStart().split('\n', 1)[0] ?? '';
  if (firstLine.startsWith('metric_name,')) return 'csv';
  if (firstLine.startsWith('{')) return 'json';
  throw new UsageError('ANALYZE_NOT_K6_OUTPUT', `${path} is neither k6 JSON nor k6 CSV output (it starts with "${firstLine.slice(0, 60)}")`, [
    'k6 writes raw JSON with --out json=<file>[.gz] and CSV with --out csv=<file>[.gz]',
  ]);
}

async function readHead(path: string, gzip: boolean): Promise<string> {
  const limit = 64 * 1024;
  const input = createReadStream(path, { start: 0, end: gzip ? undefined : limit - 1 });
  const stream = gzip ? input.pipe(createGunzip()) : input;
  let text = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      text += chunk.toString('utf8');
      if (text.length >= limit || text.includes('\n')) break;
    }
  } catch {
    // A gzip file cut short still shows its first line; anything unreadable is judged below.
  } finally {
    input.destroy();
  }
  return text;
}
