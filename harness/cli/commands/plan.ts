/**
 * `saleready plan <plan.yaml>`: the sale-day simulator and its recommendations, for people who
 * write no code. Prints text (or markdown, or JSON) and writes plan.html beside it — into
 * `--out DIR`, by default `reports/plan-<name>` — and with `--pdf` plan.pdf, printed by Chromium.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  evaluatePlan,
  parseSalePlan,
  withMeasuredCapacity,
  type PlanProgress,
  type SalePlan,
} from '../../capacity/index.ts';
import { UsageError } from '../../errors.ts';
import { renderPlanHtml, renderPlanMarkdown, renderPlanText } from '../../report/index.ts';
import { runDirSlug } from '../../results/index.ts';
import { writePdf } from '../print-pdf.ts';
import type { Output } from '../output.ts';
import { readTextFile } from '../read-text-file.ts';
import { prepareOutDir } from '../out-path.ts';
import { describePlanProgress, describePlanWarning, PROGRESS_FROM_PEOPLE } from '../plan-notes.ts';
import type { Language } from '../../vocabulary.ts';

interface PlanFlags {
  json?: boolean;
  markdown?: boolean;
  lang?: string;
  out?: string;
  pdf?: boolean;
}

/** A plan whose capacity names a profile: read people per minute from that JSON file. */
async function resolveProfile(plan: SalePlan, planPath: string): Promise<SalePlan> {
  if (
    !('profile' in plan.capacity) ||
    typeof plan.capacity.profile !== 'string' ||
    plan.capacity.peoplePerMinute !== undefined
  )
    return plan;
  const profilePath = resolve(dirname(planPath), plan.capacity.profile);
  const text = await readTextFile(profilePath, 'capacity profile (capacity.profile)');
  let peoplePerMinute: unknown;
  try {
    peoplePerMinute = (JSON.parse(text) as { peoplePerMinute?: unknown }).peoplePerMinute;
  } catch {
    throw new UsageError(
      'cli.bad-profile',
      `capacity.profile ${profilePath} is not JSON (expected a profile written by \`saleready capacity\`).`,
    );
  }
  if (typeof peoplePerMinute !== 'number') {
    throw new UsageError('cli.bad-profile', `capacity.profile ${profilePath} has no number "peoplePerMinute".`);
  }
  return withMeasuredCapacity(plan, peoplePerMinute, profilePath);
}

export function registerPlanCommand(program: Command, output: Output): void {
  program
    .command('plan <plan>')
    .description('simulate a sale plan (YAML/JSON) and recommend admission settings, rounds or a raffle')
    .option('--json', 'print the whole result as JSON')
    .option('--markdown', 'print markdown instead of text')
    .option('--lang <lang>', "en or ko (default: the plan's language)")
    .option('-o, --out <dir>', 'where plan.html (and plan.pdf) go (default: reports/plan-<name>)')
    .option('--pdf', 'also print plan.pdf (A4) with Chromium')
    .action(async (planPath: string, flags: PlanFlags) => {
      if (flags.lang !== undefined && flags.lang !== 'en' && flags.lang !== 'ko') {
        throw new UsageError('cli.bad-lang', `--lang must be en or ko, got "${flags.lang}".`);
      }
      // the default folder (reports/plan-<name>) is checked as well, before a simulation that may take minutes
      await prepareOutDir('--out', flags.out ?? 'reports');
      const plan = await resolveProfile(parseSalePlan(await readTextFile(planPath, 'sale plan'), planPath), planPath);
      const language = (flags.lang as Language | undefined) ?? plan.language;
      const onProgress =
        plan.people >= PROGRESS_FROM_PEOPLE
          ? (progress: PlanProgress) => output.err(describePlanProgress(progress, language))
          : undefined;
      const result = evaluatePlan(plan, { onProgress });
      for (const warning of result.warnings) output.err(describePlanWarning(warning, language));
      if (flags.json) output.out(JSON.stringify(result, null, 2));
      else output.out(flags.markdown ? renderPlanMarkdown(result, language) : renderPlanText(result, language));
      const outDir =
        flags.out ??
        join('reports', `plan-${runDirSlug(plan.name ?? basename(planPath).replace(/\.(plan\.)?(ya?ml|json)$/i, ''))}`);
      await mkdir(outDir, { recursive: true });
      const html = await renderPlanHtml(result, language);
      const htmlPath = join(outDir, 'plan.html');
      await writeFile(htmlPath, html);
      const shown = (path: string): string =>
        relative(process.cwd(), path).startsWith('..') ? resolve(path) : relative(process.cwd(), path) || path;
      output.err(`plan.html: ${shown(htmlPath)}`);
      if (flags.pdf) {
        const pdfPath = join(outDir, 'plan.pdf');
        await writePdf(html, pdfPath);
        output.err(`plan.pdf: ${shown(pdfPath)}`);
      }
    });
}
