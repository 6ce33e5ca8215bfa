/**
 * Sale-day simulator bench: a 1,000,000-person sale with every behaviour switched on
 * (pre-queue, burst, tail, waiting room below capacity, session expiry with requeue, phones
 * asleep, lognormal patience, bots), timed against a baseline in the same process: sorting
 * 1,000,000 Float64 values. Prints time, events per second, peak RSS and the ratio.
 * Run: npx tsx bench/simulator.ts  (figures go to docs/PERFORMANCE.md, "Sale-day simulator").
 */
import { simulateSale } from '../harness/capacity/sale-sim/simulator.ts';
import type { SimulateSaleOptions } from '../harness/capacity/sale-sim/types.ts';

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 20);

const sale: SimulateSaleOptions = {
  people: 1_000_000,
  stock: 60_000,
  perPersonLimit: 2,
  unitsPerPerson: 1,
  arrivals: {
    kind: 'crowd',
    earlyShare: 0.3,
    earlyMinutes: 30,
    burstShare: 0.5,
    burstMinutes: 5,
    tailMinutes: 60,
    preQueue: 'shuffle',
  },
  shop: { peoplePerMinute: 1_500, journeyMinutes: 4 },
  waitingRoom: { admissionRatePerMinute: 1_125, maxActiveUsers: 25_000 },
  sessionTtlMinutes: 30,
  reloginRequeues: true,
  ticketTtlMinutes: 5,
  sleepShare: 0.1,
  sleepMinutes: 8,
  patience: { kind: 'lognormal', medianMinutes: 60, sigma: 1 },
  bots: { share: 0.03, ticketsPerBot: 5 },
  soldOutAnnouncement: false,
  seed: 2021,
};

function baseline(): number {
  const values = new Float64Array(1_000_000);
  let x = 12345;
  for (let i = 0; i < values.length; i += 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    values[i] = x / 4294967296;
  }
  const started = performance.now();
  values.sort();
  return performance.now() - started;
}

const rounds = Number(process.argv[2] ?? 3);
const rows: { simMs: number; baseMs: number; events: number }[] = [];
baseline(); // warm up
for (let i = 0; i < rounds; i += 1) {
  const baseMs = baseline();
  const started = performance.now();
  const result = simulateSale(sale);
  const simMs = performance.now() - started;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  rows.push({ simMs, baseMs, events: result.eventsProcessed });
  if (i === 0) {
    console.log(
      `accounts ${result.accounts.toLocaleString('en-US')}, events ${result.eventsProcessed.toLocaleString('en-US')}, re-entries ${result.reEntries.total.toLocaleString('en-US')}, sold out at ${result.soldOutAtMinutes?.toFixed(1)} min, end ${result.endMinutes.toFixed(0)} min`,
    );
  }
}
clearInterval(sampler);
for (const [i, row] of rows.entries()) {
  console.log(
    `run ${i + 1}: simulate ${(row.simMs / 1000).toFixed(2)} s, ${(((row.events / row.simMs) * 1000) / 1e6).toFixed(2)} M events/s; ` +
      `baseline sort 1M Float64 ${row.baseMs.toFixed(0)} ms; ratio ${(row.simMs / row.baseMs).toFixed(1)}×`,
  );
}
const best = rows.reduce((a, b) => (b.simMs < a.simMs ? b : a));
console.log(
  `best: ${(best.simMs / 1000).toFixed(2)} s (${(best.simMs / best.baseMs).toFixed(1)}× the sort); peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB; node ${process.version}`,
);
