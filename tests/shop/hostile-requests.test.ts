/**
 * The reference shop against requests a real attacker would send (issue 12, Low 20 and 21):
 * one delivery address typed many ways (zero-width characters, a trailing dot, full-width
 * letters, other punctuation) counts as one address; `/admin/reset` accepts only a JSON
 * request addressed to the loopback host, never a cross-origin text/plain POST a web page
 * could send, nor a DNS-rebound one.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../harness/shop/inventory.ts';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { admit, call, checkout } from './shop-client.ts';

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop({
    stock: 1000,
    perPersonLimit: 1,
    perAddressLimit: 2,
    admissionRatePerMinute: 600_000,
    maxActiveUsers: 1000,
  });
});
afterAll(() => shop.close());

describe('one delivery address, however it is typed', () => {
  it('zero-width characters, a trailing dot, other punctuation and full-width letters fold into one address', () => {
    const plain = normalizeAddress('12 Main St, Seoul');
    for (const variant of [
      '12 Main St, Seoul.',
      '12\u200bMain St Seoul',
      '12 Ma\u200bin St Seoul',
      '12\u200b Main St, Seoul',
      '1\u200d2 Main\u2060 St, Seoul',
      '12 Main St., Seoul',
      '１２ Ｍａｉｎ Ｓｔ， Ｓｅｏｕｌ',
      '12 Main St; Seoul!',
      '\ufeff12 Main St,\u00ad Seoul',
      '12 Main St\u202e, Seoul',
    ]) {
      expect(normalizeAddress(variant), JSON.stringify(variant)).toBe(plain);
    }
    // … while different addresses stay different.
    expect(normalizeAddress('12-3 Main St')).not.toBe(normalizeAddress('123 Main St'));
    expect(normalizeAddress('서울시 강남구 테헤란로 12')).not.toBe(normalizeAddress('서울시 강남구 테헤란로 13'));
  });

  it('the per-address limit holds against 20 accounts that type the same address 20 ways', async () => {
    const variants = [
      '9 Ring Rd',
      '9 Ring Rd.',
      '9\u200bRing Rd',
      '9 Ring\u200c Rd',
      '９ Ring Rd',
      '9 ring rd!',
      '9 Ring Rd..',
      '9, Ring Rd',
      '9 Ring Rd\u2060',
      '9 RING RD',
    ];
    let bought = 0;
    for (let i = 0; i < 20; i++) {
      const person = await admit(shop, `ring-${i}`);
      const answer = await checkout<{ error?: string }>(shop, person, {
        quantity: 1,
        address: variants[i % variants.length],
      });
      if (answer.status === 200) bought += 1;
      else expect(answer.body.error).toBe('address_limit');
    }
    expect(bought).toBe(2);
  });
});

/** A raw request, so Host and Origin are exactly what a browser or a rebinding attack would send. */
function rawPost(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-length': Buffer.byteLength(body), ...headers },
        setHost: false,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST /admin/reset refuses what a web page or DNS rebinding could send', () => {
  const host = (): string => new URL(shop.url).host;

  it('a cross-origin text/plain POST (a form or fetch from any web page): 415, nothing reset', async () => {
    shop.reset({ stock: 1000 });
    await call(shop.url, 'POST', '/api/login', {}, { userId: 'kept' });
    const answer = await rawPost(
      shop.url,
      '/admin/reset',
      { host: host(), origin: 'https://evil.example', 'content-type': 'text/plain' },
      '{"defences":{"perAddressLimit":false}}',
    );
    expect(answer.status).toBe(415);
    expect(shop.config.defences.perAddressLimit).toBe(true);
    expect(shop.stats().logins).toBe(1);
  });

  it('JSON with a foreign Origin: 403; with a foreign Host (DNS rebinding): 403', async () => {
    const json = { 'content-type': 'application/json' };
    const foreignOrigin = await rawPost(
      shop.url,
      '/admin/reset',
      { ...json, host: host(), origin: 'https://evil.example' },
      '{}',
    );
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.body).toMatch(/origin/i);
    const rebound = await rawPost(
      shop.url,
      '/admin/reset',
      { ...json, host: `evil.example:${new URL(shop.url).port}` },
      '{}',
    );
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(/host/i);
    expect(shop.config.defences.perAddressLimit).toBe(true);
  });

  it('JSON to the loopback host, with or without a loopback Origin: 200', async () => {
    const json = { 'content-type': 'application/json; charset=utf-8' };
    for (const headers of [
      { host: host() },
      { host: `localhost:${new URL(shop.url).port}` },
      { host: host(), origin: shop.url },
    ] as Record<string, string>[]) {
      const answer = await rawPost(shop.url, '/admin/reset', { ...json, ...headers }, '{"stock": 999}');
      expect(answer.status, JSON.stringify(headers)).toBe(200);
    }
    expect(shop.config.stock).toBe(999);
  });
});
