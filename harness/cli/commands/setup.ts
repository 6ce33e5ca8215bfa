/**
 * `saleready setup`: makes sure k6 and Chromium are usable, building or installing what is
 * missing. npm packages are installed before this runs, by scripts/setup.mjs.
 */
import type { Command } from 'commander';
import { buildK6, findK6 } from '../../k6/locate-k6.ts';
import { findChromium, installChromium } from '../../browser/locate-chromium.ts';
import type { Output } from '../output.ts';

export function registerSetupCommand(program: Command, output: Output): void {
  program
    .command('setup')
    .description('find or install what saleready needs: k6 (built with Go) and Chromium (Debian package)')
    .option('--no-chromium', 'skip Chromium')
    .action(async (options: { chromium: boolean }) => {
      const log = (line: string): void => output.out(`  ${line}`);
      let k6 = await findK6();
      if (k6) output.out(`k6        ${k6.version}  ${k6.path}  (found via ${k6.source})`);
      else {
        output.out('k6        not found: building the pinned version');
        k6 = await buildK6({ log });
        output.out(`k6        ${k6.version}  ${k6.path}  (built)`);
      }
      if (!options.chromium) return;
      let chromium = await findChromium();
      if (chromium) output.out(`chromium  ${chromium.version}  ${chromium.path}  (found via ${chromium.source})`);
      else {
        output.out('chromium  not found: installing Debian\'s chromium');
        chromium = await installChromium({ log });
        output.out(`chromium  ${chromium.version}  ${chromium.path}  (installed)`);
      }
    });
}
