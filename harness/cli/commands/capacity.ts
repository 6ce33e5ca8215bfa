/** `saleready capacity fit FILE.csv`: a USL fit of measurements from any source. */
import type { Command } from 'commander';
import { parseMeasurements, summarizeCapacityFit } from '../../capacity/index.ts';
import { UsageError } from '../../errors.ts';
import { readTextFile } from '../read-text-file.ts';
import { renderCapacityFitText } from '../../report/capacity-fit-text.ts';
import { parseLanguage } from '../language.ts';
import type { Output } from '../output.ts';

export function registerCapacityCommand(program: Command, output: Output): Command {
  const capacity = program.command('capacity').description('measure capacity, or fit a scalability curve to measurements');
  capacity
    .command('fit <file>')
    .description('fit the Universal Scalability Law to a CSV with load and throughput columns (any header names: N, vus, rps, …)')
    .option('--json', 'print the fit as JSON')
    .option('--latency-target <value>', 'also report the load at which latency N/X(N) reaches this value (unit: 1/throughput unit)')
    .option('--lang <lang>', 'language of the text output: en or ko')
    .action(async (file: string, options: { json?: boolean; latencyTarget?: string; lang?: string }) => {
      const language = parseLanguage(options.lang);
      let latencyTarget: number | undefined;
      if (options.latencyTarget !== undefined) {
        latencyTarget = Number(options.latencyTarget);
        if (!(latencyTarget > 0)) throw new UsageError('bad_latency_target', `--latency-target must be a positive number, got "${options.latencyTarget}".`);
      }
      const parsed = parseMeasurements(await readTextFile(file, 'measurements file'), file);
      const summary = summarizeCapacityFit(parsed.points, { source: file, latencyTarget, warnings: parsed.warnings });
      output.out(options.json ? JSON.stringify(summary, null, 2) : renderCapacityFitText(summary, language));
    });
  return capacity;
}
