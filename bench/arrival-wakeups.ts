/**
 * What waking the person engine twice a second, instead of starting every arrival from
 * Artillery's timer, saves: the same sale (30,000 people at k = 10: 3,000 arriving over 10 s of
 * run, 300 a second,
 * stock 100, so most of them find it sold out and leave) run by Artillery as saleready compiles
 * it (≤ 2 wake-ups a second, the engine times each arrival) and, as the baseline in the same
 * run, with one Artillery arrival per person (the phases and plan.json rewritten so). Rounds
 * alternate the two. Each prints the Artillery process's CPU seconds over the whole run
 * (/proc, threads and descendants), its wall time, and the people and requests the shop saw.
 *
 *   npx tsx bench/arrival-wakeups.ts [--rounds 2]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileTest, writeCompiledTest } from '../harness/engine/index.ts';
import { parseScenario, planRun } from '../harness/scenario/index.ts';
import { cpuSecondsOf, median, spawnArtillery, startShopChild } from './engine-bench-kit.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' } } });
const rounds = Number(values.rounds);

const plan = planRun(
  parseScenario({
    name: 'arrival-wakeups',
    target: { shop: { admissionRatePerMinute: 1_000_000, maxActiveUsers: 100_000 } },
    sale: { stock: 100, perPersonLimit: 1, durationMinutes: 3 },
    crowd: {
      people: 30_000,
      arrivals: {
        early: { share: 0, windowMinutes: 0.1 },
        burst: { share: 1, durationMinutes: 1.5 },
        tail: { durationMinutes: 0.1 },
      },
      patience: { kind: 'fixed', minutes: 30 },
    },
    behaviour: { pollIntervalSeconds: 5, thinkSeconds: 0 },
    timeScale: 10,
  }),
);

/** The compiled run in a folder of its own; `perArrival` rewrites it to one Artillery arrival per person. */
function writeRun(perArrival: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'saleready-bench-wakeups-'));
  const compiled = compileTest(plan);
  const { testPath } = writeCompiledTest(compiled, dir);
  if (perArrival) {
    let test = readFileSync(testPath, 'utf8');
    compiled.segments.forEach((segment, index) => {
      const total = segment.people + segment.bots;
      if (total === 0) return;
      test = test.replace(
        `{ name: "segment ${index + 1}", duration: "${segment.durationMs}ms", arrivalCount: ${segment.wakeups} }`,
        `{ name: "segment ${index + 1}", duration: "${segment.durationMs}ms", arrivalCount: ${total} }`,
      );
    });
    writeFileSync(testPath, test);
    const planPath = join(dir, 'plan.json');
    const planJson = JSON.parse(readFileSync(planPath, 'utf8')) as { arrivalSegments: Record<string, unknown>[] };
    for (const segment of planJson.arrivalSegments) delete segment.wakeups;
    writeFileSync(planPath, JSON.stringify(planJson));
  }
  return dir;
}

interface Measurement {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly logins: number;
  readonly requests: number;
}

async function measure(perArrival: boolean): Promise<Measurement> {
  const dir = writeRun(perArrival);
  const shop = await startShopChild(plan.shop);
  try {
    const started = Date.now();
    const artillery = await spawnArtillery(join(dir, 'test.yml'), dir, shop.url);
    let cpuSeconds = 0;
    const sampler = setInterval(() => {
      cpuSeconds = Math.max(cpuSeconds, cpuSecondsOf(artillery.pid));
    }, 100);
    const code = await artillery.exited;
    clearInterval(sampler);
    if (code !== 0) throw new Error(`Artillery exited with ${code}:\n${artillery.output()}`);
    const stats = await shop.stats();
    return {
      cpuSeconds,
      wallSeconds: (Date.now() - started) / 1000,
      logins: stats.logins,
      requests: stats.requestsTotal,
    };
  } finally {
    shop.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const compiled: Measurement[] = [];
const baseline: Measurement[] = [];
for (let round = 1; round <= rounds; round++) {
  baseline.push(await measure(true));
  compiled.push(await measure(false));
  const [b, c] = [baseline.at(-1)!, compiled.at(-1)!];
  console.log(
    `round ${round}: one arrival per person ${b.cpuSeconds.toFixed(2)} CPU-s, ${b.wallSeconds.toFixed(1)} s, ${b.requests} requests, ${b.logins} logins · ` +
      `wake-ups ${c.cpuSeconds.toFixed(2)} CPU-s, ${c.wallSeconds.toFixed(1)} s, ${c.requests} requests, ${c.logins} logins`,
  );
}
const cpu = (list: Measurement[]): number => median(list.map((m) => m.cpuSeconds));
console.log(
  `Artillery CPU for ${plan.people} people arriving over ${(plan.arrivalEndMs / 1000).toFixed(1)} s: ` +
    `wake-ups ${cpu(compiled).toFixed(2)} CPU-s vs one arrival per person ${cpu(baseline).toFixed(2)} CPU-s ` +
    `(ratio ${(cpu(compiled) / cpu(baseline)).toFixed(2)}, medians of ${rounds})`,
);
