/** `saleready history [dir]`: the performance trend report over every run folder, with warnings before a target is crossed. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import type { Output } from '../output.ts';
import { prepareOutFile } from '../out-path.ts';

interface HistoryFlags {
  out?: string;
  horizonRuns?: string;
  horizonDays?: string;
}

function parseHorizon(flags: HistoryFlags): { kind: 'runs'; runs: number } | { kind: 'days'; days: number } {
  if (flags.horizonRuns !== undefined && flags.horizonDays !== undefined) {
    throw new UsageError('cli.bad-horizon', 'give --horizon-runs or --horizon-days, not both');
  }
  if (flags.horizonDays !== undefined) {
    const days = Number(flags.horizonDays);
    if (!(days > 0) || !Number.isFinite(days))
      throw new UsageError(
        'cli.bad-horizon',
        `--horizon-days must be a number of days above 0, got "${flags.horizonDays}"`,
      );
    return { kind: 'days', days };
  }
  const runs = Number(flags.horizonRuns ?? 5);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError(
      'cli.bad-horizon',
      `--horizon-runs must be a whole number of runs, 1 or more, got "${flags.horizonRuns}"`,
    );
  return { kind: 'runs', runs };
}

export function registerHistoryCommand(program: Command, output: Output): void {
  program
    .command('history [dir]')
    .description(
      'an index page over every run folder under DIR (default reports): runs, trend charts per scenario, warnings before a target is crossed',
    )
    .option('-o, --out <file>', 'where the page goes (default DIR/index.html)')
    .option('--horizon-runs <n>', 'project trends this many runs ahead (default 5)')
    .option('--horizon-days <d>', 'project trends this many days after the last run instead')
    .action(async (dir: string | undefined, flags: HistoryFlags) => {
      const horizon = parseHorizon(flags);
      const root = resolve(dir ?? 'reports');
      const outFile = resolve(flags.out ?? join(root, 'index.html'));
      if (flags.out !== undefined) await prepareOutFile('--out', flags.out);
      const { buildHistoryModel, describeHorizon, findRuns, renderHistoryHtml } =
        await import('../../history/index.ts');
      const model = buildHistoryModel(await findRuns(root), horizon);
      await mkdir(dirname(outFile), { recursive: true });
      await writeFile(outFile, await renderHistoryHtml(model, dirname(outFile)));
      output.out(
        `${model.runs.length} run${model.runs.length === 1 ? '' : 's'} of ${model.scenarios.length} scenario${model.scenarios.length === 1 ? '' : 's'}; trends projected ${describeHorizon(horizon)} (least squares over the latest runs)`,
      );
      for (const folder of model.skipped) output.err(`skipped ${folder.dir}: ${folder.reason}`);
      for (const { scenario, trend } of model.warnings)
        output.out(
          `⚠ ${scenario}: ${trend.targetId} (${trend.description}) is met now, but its trend crosses the target within the horizon`,
        );
      if (model.warnings.length === 0) output.out('no target is projected to be crossed within the horizon');
      output.out(`index: ${outFile}`);
    });
}
