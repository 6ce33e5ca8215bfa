/** `saleready users`: a deterministic people pool (faker) with bot rings, as JSON (the person engine reads one beside each run's test). */
import type { Command } from 'commander';
import type { Output } from '../output.ts';
import { prepareOutFile } from '../out-path.ts';

interface UsersFlags {
  people: string;
  seed: string;
  botShare?: string;
  ringSize?: string;
  locale?: string;
  out?: string;
}

export function registerUsersCommand(program: Command, output: Output): void {
  program
    .command('users')
    .description('generate a people pool (names, phones, addresses) with bot rings that share an address and card')
    .requiredOption('-n, --people <count>', 'accounts in the pool (people and bots)')
    .option('--seed <seed>', 'same seed, same pool', '1')
    .option('--bot-share <share>', 'share of accounts that are bots, 0 … 1', '0')
    .option('--ring-size <size>', 'bot accounts per ring (one address and card per ring)', '5')
    .option('--locale <locale>', 'ko (Korean) or en (English)', 'ko')
    .option('-o, --out <file>', 'write the pool as JSON (an array); default: print a sample')
    .action(async (flags: UsersFlags) => {
      const { generatePeoplePool, parsePoolOptions, writePoolJson } = await import('../../people/index.ts');
      const options = parsePoolOptions({ ...flags });
      if (options.out) await prepareOutFile('--out', options.out);
      const pool = generatePeoplePool(options);
      if (options.out) {
        const written = await writePoolJson(pool, options.out);
        output.out(
          `wrote ${written.people.toLocaleString('en')} accounts (${pool.botCount.toLocaleString('en')} bots in ${pool.ringCount.toLocaleString('en')} rings) to ${written.path} (${(written.bytes / 1e6).toFixed(1)} MB)`,
        );
        return;
      }
      const shown = Math.min(pool.size, 5);
      for (let index = 0; index < shown; index++) output.out(JSON.stringify(pool.personAt(index)));
      if (pool.size > shown)
        output.out(`… ${(pool.size - shown).toLocaleString('en')} more; use --out FILE to write them all`);
    });
}
