import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../harness/shop/inventory.ts';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { admit, admitMany, call, checkout } from './shop-client.ts';

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

describe('normalizeAddress', () => {
  it('folds case, repeated white space, commas and full-width characters into one address', () => {
    expect(normalizeAddress(' 12  Main St, Seoul ')).toBe('12mainstseoul');
    expect(normalizeAddress('12 MAIN ST SEOUL')).toBe('12mainstseoul');
    expect(normalizeAddress('１２ Main St, Seoul')).toBe('12mainstseoul');
  });
});

describe('no overselling under 500 people checking out at once', () => {
  it('sells exactly the stock, never more than the per-person or per-address limit', async () => {
    // 2 ms of service per request, so checkouts really overlap in time and finish out of order.
    shop.reset({
      stock: 100,
      perPersonLimit: 1,
      perAddressLimit: 2,
      admissionRatePerMinute: 600_000,
      maxActiveUsers: 1000,
      service: { s0Ms: 2, workers: 64, backlog: 2000 },
    });
    const userIds = Array.from({ length: 500 }, (_, index) => `buyer-${index}`);
    const people = await admitMany(shop, userIds);
    expect(shop.stats().admittedTotal).toBe(500);

    // Even-numbered people ship to their own address; odd-numbered ones are bot rings
    // sharing 10 addresses, typed two ways. Every person double-clicks: 1000 checkouts in
    // flight together.
    const addressOf = (index: number): string => {
      if (index % 2 === 0) return `${index} Sale-ro, Seoul`;
      return index % 4 === 1 ? `${index % 10} Ring-gil, Busan` : ` ${index % 10}  RING-GIL  busan`;
    };
    const attempts = people.flatMap((person, index) =>
      [0, 1].map(async () => ({
        userId: person.userId,
        address: normalizeAddress(addressOf(index)),
        answer: await checkout<{ quantity: number }>(shop, person, { quantity: 1, address: addressOf(index) }),
      })),
    );
    const results = await Promise.all(attempts);

    const sold = results.filter((result) => result.answer.status === 200);
    const refused = results.filter((result) => result.answer.status === 409);
    expect(sold.length + refused.length).toBe(1000);
    expect(sold.reduce((units, result) => units + result.answer.body.quantity, 0)).toBe(100);
    expect(new Set(refused.map((result) => result.answer.body.error))).toEqual(
      new Set(['sold_out', 'person_limit', 'address_limit']),
    );

    const perPerson = countBy(sold.map((result) => result.userId));
    const perAddress = countBy(sold.map((result) => result.address));
    expect(Math.max(...perPerson.values())).toBe(1);
    expect(Math.max(...perAddress.values())).toBeLessThanOrEqual(2);

    expect(shop.stats()).toMatchObject({
      unitsSold: 100,
      ordersTotal: 100,
      stockLeft: 0,
      ordersByPerson: { max: 1, personsOverLimit: 0 },
      ordersByAddress: { max: 2, addressesOverLimit: 0 },
    });
  });
});

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

describe('perAddressLimit defence', () => {
  const ring = ['ring-1', 'ring-2', 'ring-3'];
  const addresses = ['7 Mint-gil, Daejeon', '7  MINT-GIL Daejeon', '7 mint-gil, daejeon '];

  async function ringBuys(): Promise<number[]> {
    const statuses: number[] = [];
    for (const [index, userId] of ring.entries()) {
      const person = await admit(shop, userId);
      const answer = await checkout(shop, person, { quantity: 1, address: addresses[index] });
      statuses.push(answer.status);
      if (answer.status === 409) expect(answer.body.error).toBe('address_limit');
    }
    return statuses;
  }

  it('on: a third account shipping to the same address (typed differently) is refused with 409 address_limit', async () => {
    shop.reset({ admissionRatePerMinute: 60_000, perAddressLimit: 2, defences: { perAddressLimit: true } });
    expect(await ringBuys()).toEqual([200, 200, 409]);
    expect(shop.stats()).toMatchObject({ unitsSold: 2, ordersByAddress: { max: 2, addressesOverLimit: 0 } });
  });

  it('off: the ring gets three units to one address, and stats show the address over its limit', async () => {
    shop.reset({ admissionRatePerMinute: 60_000, perAddressLimit: 2, defences: { perAddressLimit: false } });
    expect(await ringBuys()).toEqual([200, 200, 200]);
    expect(shop.stats()).toMatchObject({ unitsSold: 3, ordersByAddress: { max: 3, addressesOverLimit: 1 } });
  });
});

describe('per-person limit', () => {
  it('lets one person buy up to perPersonLimit units over several orders, then answers 409 person_limit', async () => {
    shop.reset({ admissionRatePerMinute: 60_000, perPersonLimit: 3, perAddressLimit: 10 });
    const person = await admit(shop, 'collector');
    const identity = { session: person.session, token: person.token };
    const first = await call(shop.url, 'POST', '/api/checkout', identity, { quantity: 2, address: 'A' });
    const tooMany = await call(shop.url, 'POST', '/api/checkout', identity, { quantity: 2, address: 'A' });
    const last = await call(shop.url, 'POST', '/api/checkout', identity, { quantity: 1, address: 'A' });
    expect([first.status, tooMany.status, last.status]).toEqual([200, 409, 200]);
    expect(tooMany.body.error).toBe('person_limit');
    expect(shop.stats().ordersByPerson.max).toBe(3);
  });

  it('answers 409 sold_out when fewer units are left than asked for', async () => {
    shop.reset({ admissionRatePerMinute: 60_000, stock: 1, perPersonLimit: 5, perAddressLimit: 5 });
    const person = await admit(shop, 'late');
    const answer = await checkout(shop, person, { quantity: 2, address: 'A' });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('sold_out');
    expect(shop.stats().stockLeft).toBe(1);
  });
});
