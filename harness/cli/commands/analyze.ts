/**
 * `saleready analyze <output…>`: any k6 run's raw output (JSON or CSV, gzipped or not, one
 * file per k6 instance) or any Artillery run's `--output` report, as a saleready run folder
 * with verdicts and a report.
 */
import { relative } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../errors.ts';
import { parseLanguage } from '../language.ts';
import type { Output } from '../output.ts';
import { prepareOutDir } from '../out-path.ts';
import { readTextFile } from '../read-text-file.ts';
import { readToolVersion } from '../tool-version.ts';
import { oneLine } from '../../text.ts';

interface AnalyzeFlags {
  targets?: string;
  out: string;
  name?: string;
  lang?: string;
  groupBy?: string;
}

const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(2)}%`);
const ms = (value: number | null): string =>
  value === null ? '–' : `${value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
const MARKS = { pass: '✔', fail: '✘', inconclusive: '?' } as const;

export function registerAnalyzeCommand(program: Command, output: Output): void {
  program
    .command('analyze <output...>')
    .description(
      "turn any k6 run's raw output (JSON or CSV, .gz or not, several instances) or an Artillery --output report into a run folder, verdicts and a report",
    )
    .option(
      '--targets <file>',
      'targets to judge: YAML/JSON list of { metric, stat, op, threshold, unit } or k6 thresholds ("http_req_duration{name:x}: p(95)<800")',
    )
    .option('-o, --out <dir>', 'where run folders go', 'reports')
    .option('--name <name>', 'the run’s name in the report and its folder (default: the first file’s name)')
    .option(
      '--group-by <tags>',
      'comma-separated tags to group requests by (default: those of scenario, group, name, method that vary)',
    )
    .option('--lang <lang>', 'report language: en or ko (default from the environment)')
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      const lang = parseLanguage(flags.lang);
      await prepareOutDir('--out', flags.out);
      const { analyzeK6Run, keepRawOutput, parseTargetsFile } = await import('../../analyze/index.ts');
      const { createRunDir } = await import('../../results/index.ts');
      const { writeAnalyzedReportFiles } = await import('../../report/index.ts');
      const targets =
        flags.targets === undefined
          ? []
          : parseTargetsFile(await readTextFile(flags.targets, 'targets file'), flags.targets);
      const groupBy = flags.groupBy
        ?.split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
      const { summary, format } = await analyzeK6Run({
        paths,
        targets,
        name: flags.name,
        groupBy,
        toolVersion: readToolVersion(),
      });
      const runDir = await createRunDir(flags.out, summary.scenario.name, new Date(summary.startedAt));
      await keepRawOutput(runDir, paths, format);
      const files = await writeAnalyzedReportFiles(runDir, summary, { lang });

      // Names, ids and group keys come from someone else's output: one line each, no control characters.
      output.out(
        `${MARKS[summary.verdict]} ${summary.verdict.toUpperCase()} · ${oneLine(summary.scenario.name)} · ${summary.requests.total} requests, ${percent(summary.requests.errorRate)} failed`,
      );
      for (const target of summary.targets) {
        output.out(
          `  ${MARKS[target.verdict]} ${oneLine(target.id)}: ${oneLine(target.description)} — measured ${target.measured ?? '–'}${target.note ? ` (${oneLine(target.note)})` : ''}`,
        );
      }
      const rows = summary.groups?.rows ?? [];
      for (const row of rows.slice(0, 10)) {
        output.out(
          `  ${oneLine(row.key)}: ${row.requests} requests, ${percent(row.errorRate)} failed, p95 ${ms(row.latency.p95)}, p99 ${ms(row.latency.p99)}`,
        );
      }
      if (rows.length > 10) output.out(`  … ${rows.length - 10} more groups in the report`);
      for (const warning of summary.ingest.warnings) output.err(`warning: ${oneLine(warning)}`);
      const shown = relative(process.cwd(), files.html);
      output.out(`report: ${shown.startsWith('..') ? files.html : shown}`);
      output.exitCode = summary.verdict === 'fail' ? ExitCode.targetMissed : ExitCode.ok;
    });
}
