/** `saleready probe`: queue-integrity probes; exit 1 when a high-severity hole is found. */
import type { Command } from 'commander';
import { ExitCode } from '../../errors.ts';
import { parseLanguage } from '../language.ts';
import type { Output } from '../output.ts';

interface ProbeFlags {
  target?: string;
  allowRemote?: boolean;
  lang?: string;
  json?: boolean;
}

export function registerProbeCommand(program: Command, output: Output): void {
  program
    .command('probe')
    .description(
      'probe a shop for queue bypasses: skipping the queue, replayed or forged tokens, bulk buying, ticket caps',
    )
    .option('-t, --target <url>', 'the shop to probe (default: the embedded reference shop)')
    .option('--allow-remote', 'allow a target that is not on this machine')
    .option('--lang <lang>', 'en or ko (default from the environment)')
    .option('--json', 'print the findings as JSON')
    .action(async (flags: ProbeFlags) => {
      const language = parseLanguage(flags.lang);
      const { runProbes, renderProbeMarkdown } = await import('../../probe/index.ts');
      const { checkTargetUrl } = await import('../target-guard.ts');
      let shop: { url: string; close(): Promise<void> } | null = null;
      let targetUrl: string;
      if (flags.target) targetUrl = checkTargetUrl(flags.target, flags.allowRemote ?? false);
      else {
        const { startShop } = await import('../../shop/index.ts');
        shop = await startShop({ admissionRatePerMinute: 6000 });
        targetUrl = shop.url;
      }
      try {
        const report = await runProbes({ targetUrl, allowRemote: flags.allowRemote });
        output.out(flags.json ? JSON.stringify(report, null, 2) : renderProbeMarkdown(report, language));
        output.exitCode = report.highSeverityFailures > 0 ? ExitCode.targetMissed : ExitCode.ok;
      } finally {
        await shop?.close();
      }
    });
}
