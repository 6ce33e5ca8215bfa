/** `saleready shop`: the reference sale shop on 127.0.0.1, until stopped. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { collectRepeated } from '../interrupt.ts';
import type { Output } from '../output.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(
      'cli.bad-port',
      `--port must be a whole number from 0 to 65535 (0 picks a free port), got "${value}".`,
    );
  }
  return port;
}

export function registerShopCommand(program: Command, output: Output): void {
  program
    .command('shop')
    .description('run the reference sale shop on 127.0.0.1 until stopped (Ctrl-C)')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '8080')
    .option('-c, --config <file>', 'shop configuration (JSON); see docs/SHOP-API.md')
    .option(
      '-s, --set <key=value>',
      'override one setting, e.g. --set stock=500 --set defences.perAddressLimit=false',
      collectRepeated,
      [],
    )
    .action(async (options: { port: string; config?: string; set: string[] }) => {
      const port = parsePort(options.port);
      // Loaded on use: the other commands start faster without the shop's modules.
      const { applyShopOverrides, loadShopConfigFile, parseShopConfig, startShop } =
        await import('../../shop/index.ts');
      const fromFile = options.config ? await loadShopConfigFile(options.config) : {};
      const config = parseShopConfig(applyShopOverrides(fromFile, options.set), options.config ?? '--set');
      const shop = await startShop(config, { port });
      output.out(`saleready shop listening on ${shop.url}`);
      output.out(
        `  stock ${shop.config.stock}, admission ${shop.config.admissionRatePerMinute}/min, stats at ${shop.url}/admin/stats`,
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void shop.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      output.out('shop stopped');
    });
}
