import { describe, expect, it } from 'vitest';
import { generatePeoplePool } from '../../harness/people/index.ts';
import type { Person } from '../../harness/people/index.ts';
import { UsageError } from '../../harness/errors.ts';

const all = (options: Parameters<typeof generatePeoplePool>[0]): Person[] => [...generatePeoplePool(options)];

describe('generatePeoplePool', () => {
  it('gives an identical pool for the same seed', () => {
    const first = all({ people: 500, seed: 42, botShare: 0.2 });
    const second = all({ people: 500, seed: 42, botShare: 0.2 });
    expect(second).toEqual(first);
  });

  it('gives a different pool for another seed', () => {
    const first = all({ people: 500, seed: 42, botShare: 0.2 });
    const other = all({ people: 500, seed: 43, botShare: 0.2 });
    const sameName = first.filter((person, index) => person.name === other[index]?.name).length;
    const sameAddress = first.filter((person, index) => person.address === other[index]?.address).length;
    expect(sameName).toBeLessThan(50);
    expect(sameAddress).toBe(0);
    expect(other.map((person) => person.actor)).not.toEqual(first.map((person) => person.actor));
  });

  it('builds person i the same way on demand as when iterating', () => {
    const pool = generatePeoplePool({ people: 300, seed: 7, botShare: 0.5, ringSize: 4 });
    const listed = [...pool];
    expect(pool.personAt(123)).toEqual(listed[123]);
    expect(pool.personAt(299)).toEqual(listed[299]);
    expect(() => pool.personAt(300)).toThrow(RangeError);
  });

  it('makes exactly round(people × botShare) bots', () => {
    for (const [people, botShare] of [
      [1000, 0.25],
      [997, 0.3],
      [10, 1],
      [10, 0],
    ] as const) {
      const pool = generatePeoplePool({ people, seed: 3, botShare });
      const bots = [...pool].filter((person) => person.actor === 'bot').length;
      expect(bots).toBe(Math.round(people * botShare));
      expect(pool.botCount).toBe(bots);
    }
  });

  it('puts bots in rings of ringSize that share one address and one card', () => {
    const pool = generatePeoplePool({ people: 1000, seed: 11, botShare: 0.26, ringSize: 5 });
    const rings = new Map<number, Person[]>();
    for (const person of pool) {
      if (person.actor !== 'bot') continue;
      expect(person.ring).toBeTypeOf('number');
      rings.set(person.ring ?? -1, [...(rings.get(person.ring ?? -1) ?? []), person]);
    }
    // 260 bots in rings of 5: 52 rings, all full.
    expect(rings.size).toBe(52);
    expect(pool.ringCount).toBe(52);
    const ringAddresses = new Set<string>();
    for (const members of rings.values()) {
      expect(members).toHaveLength(5);
      expect(new Set(members.map((member) => member.address)).size).toBe(1);
      expect(new Set(members.map((member) => member.card)).size).toBe(1);
      expect(new Set(members.map((member) => member.userId)).size).toBe(5);
      expect(new Set(members.map((member) => member.phone)).size).toBe(5);
      ringAddresses.add(members[0]?.address ?? '');
    }
    expect(ringAddresses.size).toBe(52);
  });

  it('leaves a smaller last ring when the bots do not divide evenly', () => {
    const pool = generatePeoplePool({ people: 100, seed: 5, botShare: 0.12, ringSize: 5 });
    const sizes = new Map<number, number>();
    for (const person of pool) if (person.ring !== undefined) sizes.set(person.ring, (sizes.get(person.ring) ?? 0) + 1);
    expect([...sizes.values()].sort()).toEqual([2, 5, 5]);
  });

  it('never gives two non-ring people, or a person and a ring, the same address, card or phone', () => {
    const people = [...generatePeoplePool({ people: 20_000, seed: 99, botShare: 0.1, ringSize: 5 })];
    const owners = people.map((person) => (person.actor === 'bot' ? `ring-${person.ring}` : person.userId));
    const ownerOfAddress = new Map<string, string>();
    const ownerOfCard = new Map<string, string>();
    people.forEach((person, index) => {
      const owner = owners[index] ?? '';
      expect(ownerOfAddress.get(person.address) ?? owner).toBe(owner);
      expect(ownerOfCard.get(person.card) ?? owner).toBe(owner);
      ownerOfAddress.set(person.address, owner);
      ownerOfCard.set(person.card, owner);
    });
    expect(ownerOfAddress.size).toBe(18_000 + 400);
    expect(new Set(people.map((person) => person.phone)).size).toBe(20_000);
    expect(new Set(people.map((person) => person.userId)).size).toBe(20_000);
  });

  it('gives Korean names, addresses and mobile numbers for the ko locale', () => {
    const people = all({ people: 200, seed: 1, locale: 'ko' });
    for (const person of people) {
      expect(person.name).toMatch(/^[\uAC00-\uD7A3]{2,5}$/);
      expect(person.address).toMatch(/[\uAC00-\uD7A3]/);
      expect(person.address).toMatch(/\d+동 \d+호 \(\d{5}\)$/);
      expect(person.phone).toMatch(/^010-\d{4}-\d{4}$/);
    }
  });

  it('gives English names and US addresses for the en locale', () => {
    const people = all({ people: 200, seed: 1, locale: 'en' });
    for (const person of people) {
      expect(person.name).toMatch(/^[A-Za-z' .-]+ [A-Za-z' .-]+$/);
      expect(person.address).toMatch(/, Apt \d+, .+, [A-Z]{2} \d{5}$/);
      expect(person.phone).toMatch(/^\(\d{3}\) \d{3}-\d{4}$/);
    }
  });

  it('refuses bad options with a UsageError naming the field', () => {
    expect(() => generatePeoplePool({ people: 0, seed: 1 })).toThrow(UsageError);
    expect(() => generatePeoplePool({ people: 10, seed: 1, botShare: 2 })).toThrow(
      /botShare must be a number between 0 and 1, got 2/,
    );
  });
});
