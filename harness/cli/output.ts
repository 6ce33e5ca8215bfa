// the text leaf, not the report stage: every command loads this file at start.
import { stripControlCharacters } from '../text.ts';

/** Where the CLI writes. Tests pass a recording Output instead of the console. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** A command sets this to choose the exit code without throwing (e.g. a missed target). */
  exitCode?: number;
}

export function createConsoleOutput(): Output {
  // A closed pipe (`saleready … | head`) ends the output quietly, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  // Every line is stripped of control characters: untrusted text (tag values, names, a target's
  // answers) cannot clear the screen, retitle the window or paint a fake verdict.
  return {
    out: (line) => process.stdout.write(`${stripControlCharacters(line)}\n`),
    err: (line) => process.stderr.write(`${stripControlCharacters(line)}\n`),
  };
}

/** An Output that keeps what was written, for tests. */
export function createRecordingOutput(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}
