/** `saleready doctor`: Node, k6 and Chromium versions and paths; exit 3 naming what is missing. */
import type { Command } from 'commander';
import { ExitCode, SalereadyError } from '../../errors.ts';
import { findK6 } from '../../k6/locate-k6.ts';
import { findChromium } from '../../browser/locate-chromium.ts';
import type { Output } from '../output.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function checkSafely(name: string, probe: () => Promise<{ version: string; path: string } | null>, fix: string): Promise<Check> {
  try {
    const found = await probe();
    return found
      ? { name, ok: true, detail: `${found.version}  ${found.path}` }
      : { name, ok: false, detail: `missing — ${fix}` };
  } catch (error) {
    const message = error instanceof SalereadyError ? error.message : String(error);
    return { name, ok: false, detail: `${message} — ${fix}` };
  }
}

export function registerDoctorCommand(program: Command, output: Output): void {
  program
    .command('doctor')
    .description('check that Node, k6 and Chromium are usable; exit 3 when something is missing')
    .action(async () => {
      const nodeMajor = Number(process.versions.node.split('.')[0]);
      const checks: Check[] = [
        {
          name: 'node',
          ok: nodeMajor >= 20,
          detail: `v${process.versions.node}  ${process.execPath}${nodeMajor >= 20 ? '' : ' — Node 20 or newer is needed'}`,
        },
        await checkSafely('k6', () => findK6(), 'run `npm run setup` or set K6_BIN'),
        await checkSafely('chromium', () => findChromium(), 'run `npm run setup` or set CHROMIUM_BIN'),
      ];
      for (const check of checks) output.out(`${check.ok ? '✔' : '✖'} ${check.name.padEnd(9)} ${check.detail}`);
      const missing = checks.filter((check) => !check.ok).map((check) => check.name);
      if (missing.length > 0) {
        output.err(`saleready: not ready — missing or unusable: ${missing.join(', ')}`);
        output.exitCode = ExitCode.environment;
      } else {
        output.out('ready');
      }
    });
}
