// `--min-latency-ms` of compare and gate, through the CLI's own main() in this process: a bad
// value is refused with exit 2 naming the flag, before any folder is read or any run starts.
import { describe, expect, it } from 'vitest';
import { main } from '../../harness/cli/main.ts';
import { createRecordingOutput } from '../../harness/cli/output.ts';

async function cli(args: readonly string[]): Promise<{ code: number; text: string }> {
  const output = createRecordingOutput();
  const code = await main(['node', 'saleready', ...args], output);
  return { code, text: [...output.lines, ...output.errors].join('\n') };
}

describe('--min-latency-ms', () => {
  for (const value of ['-5', 'abc', '', 'Infinity', '3600001']) {
    it(`refuses "${value}" in compare and gate with exit 2, naming the flag and what it allows`, async () => {
      for (const args of [
        ['compare', 'no-such-run-a', 'no-such-run-b', '--min-latency-ms', value],
        ['gate', '--baseline', 'no-such-run', '--min-latency-ms', value],
      ]) {
        const result = await cli(args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.text).toContain(
          `--min-latency-ms must be a number of milliseconds from 0 to 3,600,000, got "${value}".`,
        );
        expect(result.text).not.toMatch(/\n\s+at /);
        // refused before the folders were looked at
        expect(result.text).not.toContain('no-such-run');
      }
    });
  }
});
