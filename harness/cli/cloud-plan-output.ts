/**
 * What `saleready run … --on aws-fargate|aws-lambda --plan-only` prints: the exact Artillery
 * command, the N shares (people, bots, rings per worker; arrivals per phase) and the bill of
 * materials Artillery would upload (its own createBOM), so a team can review a run before
 * paying for it. Text only; the caller prints it.
 */
import { relative } from 'node:path';
import { RUNNER_INFO } from '../engine/index.ts';
import { formatDuration as formatDurationIn } from '../vocabulary.ts';

const formatDuration = (ms: number): string => formatDurationIn(ms, 'en');
import { TARGET_PLACEHOLDER, type CloudPlan } from './run-cloud.ts';

const n = (value: number): string => value.toLocaleString('en');
/** Workers shown one by one in the phase table; the rest as min–max. */
const WORKER_COLUMNS = 8;

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, column) => rows.reduce((most, row) => Math.max(most, (row[column] ?? '').length), 0));
  return rows.map((row) =>
    `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`.trimEnd(),
  );
}

export function formatCloudPlan(plan: CloudPlan, options: { readonly planOnly: boolean }): string[] {
  const { split, bom } = plan;
  const info = RUNNER_INFO[plan.runner];
  const lines: string[] = [];
  lines.push(`Distributed run${options.planOnly ? ' plan (--plan-only: no cloud call, nothing sent)' : ''}`);
  lines.push(
    `  runner      ${info.name} (artillery ${info.command}), region ${plan.region}, ${split.count} worker${split.count === 1 ? '' : 's'}`,
  );
  lines.push(
    `  shop        ${plan.targetUrl}${plan.targetUrl === TARGET_PLACEHOLDER ? '  (a placeholder: the run needs --target <your shop> and --allow-remote)' : ''}`,
  );
  lines.push(
    `  crowd       ${n(plan.plan.people)} people${plan.plan.bots ? ` and ${n(plan.plan.bots.count)} bots in ${n(plan.plan.bots.rings)} rings` : ''} for ${n(plan.plan.stock)} units (time scale k = ${plan.plan.timeScale}; the stock is shared, not split)`,
  );
  lines.push(`  run folder  ${relative(process.cwd(), plan.runDir) || plan.runDir}`);
  lines.push('');
  lines.push('Artillery command (run in the run folder):');
  lines.push(`  ${plan.command}`);
  lines.push('');
  lines.push(
    `Shares: one per worker, claimed by each worker process at start (people and pool indices disjoint, rings whole):`,
  );
  const shareRows: string[][] = [['worker', 'people', 'bots', 'rings', 'people-pool indices', 'plan file']];
  for (const share of split.shares) {
    shareRows.push([
      String(share.index),
      n(share.people),
      n(share.bots),
      n(share.rings),
      share.people === 0 ? '–' : `${n(share.peopleOffset)}–${n(share.peopleOffset + share.people - 1)}`,
      `plan-${share.index}.json`,
    ]);
  }
  shareRows.push([
    'total',
    n(split.shares.reduce((sum, s) => sum + s.people, 0)),
    n(split.shares.reduce((sum, s) => sum + s.bots, 0)),
    n(split.shares.reduce((sum, s) => sum + s.rings, 0)),
    '',
    '',
  ]);
  lines.push(...table(shareRows));
  lines.push('');
  lines.push(
    'Arrivals per phase (people+bots): the plan, each worker’s share, and the slots every worker’s phase brings (spare slots idle):',
  );
  const shown = split.shares.slice(0, WORKER_COLUMNS);
  const rest = split.shares.slice(WORKER_COLUMNS);
  const header = [
    'phase',
    'from',
    'length',
    'plan',
    ...shown.map((share) => `w${share.index}`),
    ...(rest.length > 0 ? [`w${rest[0]!.index}–w${rest.at(-1)!.index}`] : []),
    'slots',
  ];
  const phaseRows: string[][] = [header];
  split.segments.forEach((segment, s) => {
    const of = (share: (typeof split.shares)[number]): string =>
      `${share.segments[s]!.people}+${share.segments[s]!.bots}`;
    const restTotals = rest.map((share) => share.segments[s]!.people + share.segments[s]!.bots);
    phaseRows.push([
      String(s + 1),
      formatDuration(segment.startMs),
      formatDuration(segment.durationMs),
      `${segment.people}+${segment.bots}`,
      ...shown.map(of),
      ...(rest.length > 0
        ? [
            `${restTotals.reduce((least, total) => Math.min(least, total), Infinity)}–${restTotals.reduce((most, total) => Math.max(most, total), -Infinity)}`,
          ]
        : []),
      segment.people + segment.bots === 0 ? 'pause' : String(split.slots[s]),
    ]);
  });
  lines.push(...table(phaseRows));
  lines.push('');
  lines.push(
    `Bill of materials (Artillery’s own createBOM, as ${info.command} would upload it to S3): ${bom.files.length} files`,
  );
  for (const file of bom.files) lines.push(`  ${file.noPrefixPosix}`);
  lines.push(
    `  npm packages each worker installs: ${bom.modules.length === 0 ? 'none' : bom.modules.map((name) => `${name}${bom.pkgDeps.includes(name) ? ' (declared in the run folder’s package.json)' : ' (not in package.json: from the npm registry)'}`).join(', ')}`,
  );
  const unresolved = bom.externals.filter((external) => external.reason !== 'not-in-package-json');
  if (unresolved.length > 0)
    lines.push(
      `  unresolved imports: ${unresolved.map((external) => `${external.name} (${external.reason})`).join(', ')}`,
    );
  return lines;
}
