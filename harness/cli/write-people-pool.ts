/**
 * The run's people as a seeded pool beside its Artillery test (people.json, bots.json), so every
 * person has an account of their own with a name and a delivery address, and each bot ring
 * shares one address — the bulk buying of the 2021 sale.
 */
import { join } from 'node:path';
import { PEOPLE_POOL_FILES } from '../engine/index.ts';
import type { RunPlan } from '../scenario/index.ts';
import { generatePeoplePool, writePoolJson, type Person } from '../people/index.ts';

/** Pools are the same for every run of a plan: seed 1, Korean names and addresses. */
const POOL_SEED = 1;

function* ofActor(pool: Iterable<Person>, actor: Person['actor']): Generator<Person> {
  for (const person of pool) if (person.actor === actor) yield person;
}

export async function writePeoplePool(plan: RunPlan, runDir: string): Promise<{ people: number; bots: number }> {
  const bots = plan.bots?.count ?? 0;
  const total = plan.people + bots;
  const pool = generatePeoplePool({
    people: total,
    seed: POOL_SEED,
    botShare: total === 0 ? 0 : bots / total,
    ringSize: plan.bots?.ringSize ?? 5,
    locale: 'ko',
  });
  const people = await writePoolJson(ofActor(pool, 'person'), join(runDir, PEOPLE_POOL_FILES.person));
  const written = bots > 0 ? await writePoolJson(ofActor(pool, 'bot'), join(runDir, PEOPLE_POOL_FILES.bot)) : null;
  return { people: people.people, bots: written?.people ?? 0 };
}
