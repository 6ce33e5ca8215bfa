/**
 * `saleready compare <runA> <runB>`: did B get better, worse, or stay the same? Figure by
 * figure with intervals and a family-wise false-alarm control; text, JSON, HTML and markdown.
 */
import { relative } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { parseLanguage } from '../language.ts';
import type { Output } from '../output.ts';
import { prepareOutDir } from '../out-path.ts';
import { MIN_LATENCY_FLAG, MIN_LATENCY_HELP, parseMinLatencyFlag, parseNumberFlag } from '../number-flag.ts';

interface CompareFlags {
  json?: boolean;
  lang?: string;
  force?: boolean;
  out?: string;
  alpha?: string;
  seed?: string;
  minLatencyMs?: string;
}

export function registerCompareCommand(program: Command, output: Output): void {
  program
    .command('compare <runA> <runB>')
    .description(
      'compare two run folders: each figure’s change B − A with a 95% interval and a verdict (improved, regressed, no significant change)',
    )
    .option('--json', 'print the comparison as JSON')
    .option('--lang <lang>', 'language: en or ko (default from the environment)')
    .option('--force', 'compare runs of different scenarios or shapes anyway')
    .option('-o, --out <dir>', 'where compare.html and compare.md go (default reports/compare-<A>-vs-<B>-<UTC>)')
    .option('--alpha <alpha>', 'family-wise false-alarm rate of the verdicts (Holm–Bonferroni)', '0.05')
    .option('--seed <seed>', 'bootstrap seed (same runs and seed, same result)', '1')
    .option(MIN_LATENCY_FLAG, MIN_LATENCY_HELP)
    .action(async (runA: string, runB: string, flags: CompareFlags) => {
      const lang = parseLanguage(flags.lang);
      const alpha = parseNumberFlag(
        '--alpha',
        flags.alpha,
        (value) => value > 0 && value < 1,
        'between 0 and 1, e.g. 0.05',
      );
      const seed = parseNumberFlag(
        '--seed',
        flags.seed,
        (value) => Number.isInteger(value) && value >= 0,
        'a non-negative integer',
      );
      const minLatencyMs = parseMinLatencyFlag(flags.minLatencyMs);
      // the default folder is checked as well: a comparison that cannot be written fails before the work
      await prepareOutDir('--out', flags.out ?? 'reports');
      const {
        compareRuns,
        defaultCompareDir,
        loadRun,
        readRunSummary,
        renderCompareText,
        shapeDifferences,
        withLatencyFloor,
        writeCompareFiles,
      } = await import('../../compare/index.ts');
      // Refuse different runs before the (slower) re-ingest of their raw output.
      const differences = shapeDifferences(readRunSummary(runA), readRunSummary(runB));
      if (differences.length > 0 && !flags.force) {
        throw new UsageError(
          'compare.different-runs',
          `the runs differ, so a comparison would not show the effect of a change: ${differences.join('; ')}`,
          ['compare runs of the same scenario and shape, or pass --force to compare them anyway'],
        );
      }
      const [a, b] = await Promise.all([loadRun(runA), loadRun(runB)]);
      const comparison = compareRuns(a, b, {
        force: flags.force,
        alpha,
        seed,
        minimumEffects: withLatencyFloor(minLatencyMs),
      });
      const dir = flags.out ?? defaultCompareDir('reports', comparison);
      const files = await writeCompareFiles(dir, comparison, { a: a.summary, b: b.summary }, lang);
      if (flags.json) {
        output.out(JSON.stringify({ ...comparison, files }, null, 2));
        return;
      }
      for (const line of renderCompareText(comparison, lang)) output.out(line);
      output.out(`comparison: ${relative(process.cwd(), files.html) || files.html}`);
    });
}
