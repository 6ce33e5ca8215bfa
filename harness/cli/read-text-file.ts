import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.ts';

/** Reads a file the user named; a missing or unreadable one is a usage error naming it. */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UsageError('cli.unreadable-file', `cannot read ${what} ${path}: ${reason}`);
  }
}
