/** `saleready doctor`: Node, Artillery, Chromium and Korean font versions and paths; exit 3 naming what is missing. */
import type { Command } from 'commander';
import { ExitCode, SalereadyError } from '../../errors.ts';
import { findArtillery } from '../../engine/index.ts';
import { findChromium } from '../../browser/index.ts';
import { findCjkFont, NEEDED_NODE_MAJOR } from './setup.ts';
import type { Output } from '../output.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function checkSafely(
  name: string,
  probe: () => Promise<{ version: string; path: string } | null>,
  fix: string,
): Promise<Check> {
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

function checkNode(): Check {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const ok = nodeMajor >= NEEDED_NODE_MAJOR;
  const fix = ok
    ? ''
    : ` — Node ${NEEDED_NODE_MAJOR} or newer is needed: run \`npm run setup\`, then \`npx saleready\``;
  return { name: 'node', ok, detail: `v${process.versions.node}  ${process.execPath}${fix}` };
}

export function registerDoctorCommand(program: Command, output: Output): void {
  program
    .command('doctor')
    .description(
      'check that Node 24, Artillery, Chromium and a Korean font are usable; exit 3 when something is missing',
    )
    .action(async () => {
      const checks: Check[] = [
        checkNode(),
        await checkSafely('artillery', () => findArtillery(), 'run `npm run setup`'),
        await checkSafely('chromium', () => findChromium(), 'run `npm run setup` or set CHROMIUM_BIN'),
        await checkSafely(
          'cjk font',
          () => findCjkFont(),
          'run `npm run setup` (as root: apt-get install -y fonts-noto-cjk)',
        ),
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
