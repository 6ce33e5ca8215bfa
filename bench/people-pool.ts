/**
 * Bench: a people pool of 1,000,000 accounts (Korean, 20% bots in rings of 5).
 * Measures, in this order and in one process:
 * 1. building the pool (faker component parts, once per seed);
 * 2. generating every person once (iterating the lazy pool, keeping nothing);
 * 3. writing the pool as the JSON array the person engine reads (streamed), with the file size;
 * 4. keeping every person in an array (what a caller holding the whole pool pays);
 * 5. the baseline, in the same run: calling faker for every part of every person, for 20,000
 *    people, reported as µs per person and as a ratio to step 2.
 * Peak RSS is sampled every 20 ms and after each step. Usage: `npx tsx bench/people-pool.ts [people]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Faker, base, en, ko } from '@faker-js/faker';
import { generatePeoplePool, writePoolJson } from '../harness/people/index.ts';
import type { Person } from '../harness/people/index.ts';

const people = Number(process.argv[2] ?? 1_000_000);
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 20);
const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function step<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  console.log(`${label.padEnd(34)} ${seconds(performance.now() - started).padStart(9)}   peak RSS ${mb(peakRss)}`);
  return result;
}

console.log(
  `people pool bench: ${people.toLocaleString('en')} people, ko, botShare 0.2, ringSize 5, Node ${process.version}`,
);
console.log(`baseline RSS ${mb(process.memoryUsage.rss())}`);
const pool = step('build pool (faker parts)', () =>
  generatePeoplePool({ people, seed: 2021, botShare: 0.2, ringSize: 5, locale: 'ko' }),
);
const generateStarted = performance.now();
step('generate every person (lazy)', () => {
  let bots = 0;
  for (const person of pool) if (person.actor === 'bot') bots += 1;
  return bots;
});
const pooledMicrosPerPerson = ((performance.now() - generateStarted) * 1000) / people;
const directory = await mkdtemp(join(tmpdir(), 'saleready-bench-'));
try {
  const started = performance.now();
  const written = await writePoolJson(pool, join(directory, 'pool.json'));
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  console.log(
    `${'write pool JSON (streamed)'.padEnd(34)} ${seconds(performance.now() - started).padStart(9)}   peak RSS ${mb(peakRss)}   file ${mb(written.bytes)}`,
  );
} finally {
  await rm(directory, { recursive: true, force: true });
}
const kept: Person[] = step('keep every person in an array', () => [...pool]);
console.log(`kept ${kept.length.toLocaleString('en')} people`);
kept.length = 0;

const baselinePeople = 20_000;
const faker = new Faker({ locale: [ko, en, base] });
faker.seed(2021);
const baselineStarted = performance.now();
for (let index = 0; index < baselinePeople; index += 1) {
  void `${faker.person.fullName()}|${faker.phone.number()}|${faker.location.state()} ${faker.location.city()} ${faker.location.streetAddress(true)}|${faker.finance.creditCardNumber()}`;
}
const fakerMicrosPerPerson = ((performance.now() - baselineStarted) * 1000) / baselinePeople;
console.log(
  `baseline: faker per person ${fakerMicrosPerPerson.toFixed(1)} µs vs pooled ${pooledMicrosPerPerson.toFixed(2)} µs per person` +
    ` (${(fakerMicrosPerPerson / pooledMicrosPerPerson).toFixed(0)}× faster; faker alone would take ${seconds((fakerMicrosPerPerson * people) / 1000)} for ${people.toLocaleString('en')})`,
);
clearInterval(sampler);
