/**
 * What a gzip read error means for a file of raw output: cut short (a run stopped while
 * writing: read up to there, with a warning) or damaged (corrupt data: refused, naming the file
 * and how far it was read). zlib says Z_BUF_ERROR for the first, Z_DATA_ERROR (and others) for
 * the second.
 */
import { UsageError } from '../errors.ts';

/** True for zlib's "unexpected end of file": the stream simply stops. */
export function isGzipCutShort(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR';
}

/** True for any error zlib raises (the file is gzip, but not whole or not sound). */
export function isGzipError(error: unknown): boolean {
  return (
    typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('Z_')
  );
}

/** The UsageError for a gzip file whose data is corrupt; `bytesRead` of uncompressed data came out first. */
export function damagedGzipError(path: string, error: unknown, bytesRead: number, what: string): UsageError {
  const reason = (error as Error).message.split('\n')[0];
  return new UsageError(
    'results.damaged-gzip',
    `${path} is a damaged gzip file: its data is corrupt after ${bytesRead.toLocaleString('en-US')} bytes (${reason})`,
    [`pass ${what} as written, whole; a copy cut short is read up to where it ends, a corrupt one cannot be`],
  );
}
