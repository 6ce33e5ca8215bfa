/** `saleready capacity fit FILE.csv`: a USL fit of measurements from any source. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { parseMeasurements, summarizeCapacityFit } from '../../capacity/index.ts';
import { CAPACITY_STEPS } from '../../engine/index.ts';
import { formatCapacityStep, renderCapacityFitText, renderCapacityProfileText } from '../../report/index.ts';
import { DEFAULT_CAPACITY_LOADS, parseCapacityFlags, type CapacityFlags } from '../capacity-flags.ts';
import { UsageError } from '../../errors.ts';
import { readTextFile } from '../read-text-file.ts';
import { prepareOutDir } from '../out-path.ts';
import { collectRepeated, withInterrupt } from '../interrupt.ts';
import { parseLanguage } from '../language.ts';
import type { Output } from '../output.ts';

export function registerCapacityCommand(program: Command, output: Output): Command {
  const capacity = program
    .command('capacity')
    .enablePositionalOptions()
    .description("measure the shop's capacity with closed-loop load steps (or `capacity fit FILE.csv`)")
    .option('-t, --target <url>', 'the shop to measure (default: the embedded shop with a known service-time law)')
    .option('--allow-remote', 'allow a target that is not on this machine')
    .option('--journey <steps...>', `journey steps each person repeats: ${CAPACITY_STEPS.join(', ')}`, [
      'product',
      'cart',
      'checkout',
    ])
    .option(
      '--loads <list>',
      'people in the closed loop at each step, comma-separated',
      DEFAULT_CAPACITY_LOADS.join(','),
    )
    .option('--step-seconds <s>', 'length of each step', '5')
    .option('--latency-p95 <ms>', 'latency target: 95% of requests under this many ms', '500')
    .option('--max-error-rate <share>', 'error-rate target, 0 … 1', '0.01')
    .option('-s, --set <key=value>', 'embedded shop setting, e.g. --set service.kappa=0.001', collectRepeated, [])
    .option('-o, --out <dir>', 'where run folders go', 'reports')
    .option('--json', 'print the capacity profile as JSON')
    .option('--lang <lang>', 'en or ko')
    .action(async (flags: CapacityFlags) => {
      const options = parseCapacityFlags(flags);
      const language = parseLanguage(flags.lang);
      await prepareOutDir('--out', options.outDir);
      const { runCapacity } = await import('../capacity-run.ts');
      await withInterrupt(output, async (signal) => {
        const result = await runCapacity({
          ...options,
          lang: language,
          signal,
          onEvent: (line) => output.out(line),
          onStep: (step) => output.out(formatCapacityStep(step)),
        });
        output.out(
          flags.json
            ? JSON.stringify(result.profile, null, 2)
            : renderCapacityProfileText(result.profile, language, result.shop),
        );
        output.out(`profile: ${join(result.runDir, 'capacity-profile.json')}`);
        output.out(`report: ${join(result.runDir, 'capacity-report.html')}`);
      });
    });
  capacity
    .command('fit <file>')
    .description(
      'fit the Universal Scalability Law to a CSV with load and throughput columns (any header names: N, vus, rps, …)',
    )
    .option('--json', 'print the fit as JSON')
    .option(
      '--latency-target <value>',
      'also report the load at which latency N/X(N) reaches this value (unit: 1/throughput unit)',
    )
    .option('--lang <lang>', 'language of the text output: en or ko')
    .action(async (file: string, options: { json?: boolean; latencyTarget?: string; lang?: string }) => {
      const language = parseLanguage(options.lang);
      let latencyTarget: number | undefined;
      if (options.latencyTarget !== undefined) {
        latencyTarget = Number(options.latencyTarget);
        if (!(latencyTarget > 0))
          throw new UsageError(
            'cli.bad-latency-target',
            `--latency-target must be a positive number, got "${options.latencyTarget}".`,
          );
      }
      const parsed = parseMeasurements(await readTextFile(file, 'measurements file'), file);
      const summary = summarizeCapacityFit(parsed.points, { source: file, latencyTarget, warnings: parsed.warnings });
      output.out(options.json ? JSON.stringify(summary, null, 2) : renderCapacityFitText(summary, language));
    });
  return capacity;
}
