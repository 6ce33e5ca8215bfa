import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { admit, call, login } from './shop-client.ts';

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop({ admissionRatePerMinute: 60_000, stock: 100, perPersonLimit: 1 });
});
afterAll(() => shop.close());

const ORDER = { quantity: 1, address: '1 Sejong-daero, Seoul' };

describe('requireAdmissionToken defence', () => {
  it('on: checkout, product and cart without a token are refused with 403 no_admission', async () => {
    shop.reset({ defences: { requireAdmissionToken: true } });
    const session = await login(shop, 'skipper');
    const checkout = await call(shop.url, 'POST', '/api/checkout', { session }, ORDER);
    expect(checkout.status).toBe(403);
    expect(checkout.body.error).toBe('no_admission');
    expect((await call(shop.url, 'GET', '/api/product', { session })).body.error).toBe('no_admission');
    expect((await call(shop.url, 'POST', '/api/cart', { session }, { quantity: 1 })).body.error).toBe('no_admission');
    expect(shop.stats()).toMatchObject({ ordersTotal: 0, stockLeft: 100 });
  });

  it('off: a logged-in person who never queued can check out', async () => {
    shop.reset({ defences: { requireAdmissionToken: false } });
    const session = await login(shop, 'skipper');
    const checkout = await call(shop.url, 'POST', '/api/checkout', { session }, ORDER);
    expect(checkout.status).toBe(200);
    expect(checkout.body).toEqual({ orderId: 'o-1', quantity: 1 });
    expect(shop.stats()).toMatchObject({ ordersTotal: 1, stockLeft: 99, admittedTotal: 0 });
  });

  it('either way: no session is 401 no_session before any token check', async () => {
    shop.reset({ defences: { requireAdmissionToken: false } });
    const answer = await call(shop.url, 'POST', '/api/checkout', {}, ORDER);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('no_session');
  });
});

describe('bindTokenToSession defence', () => {
  it('on: a token replayed with another account’s session is refused with 403 token_session_mismatch', async () => {
    shop.reset({ defences: { bindTokenToSession: true } });
    const admitted = await admit(shop, 'real-person');
    const botSession = await login(shop, 'bot-account');
    const answer = await call(shop.url, 'POST', '/api/checkout', { session: botSession, token: admitted.token }, ORDER);
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe('token_session_mismatch');
    expect(shop.stats().ordersTotal).toBe(0);
  });

  it('on: the same person’s second login session cannot use the first session’s token either', async () => {
    shop.reset({ defences: { bindTokenToSession: true } });
    const admitted = await admit(shop, 'two-devices');
    const secondDevice = await login(shop, 'two-devices');
    const answer = await call(shop.url, 'GET', '/api/product', { session: secondDevice, token: admitted.token });
    expect(answer.body.error).toBe('token_session_mismatch');
  });

  it('off: the replayed token buys for the other account', async () => {
    shop.reset({ defences: { bindTokenToSession: false } });
    const admitted = await admit(shop, 'real-person');
    const botSession = await login(shop, 'bot-account');
    const answer = await call(shop.url, 'POST', '/api/checkout', { session: botSession, token: admitted.token }, ORDER);
    expect(answer.status).toBe(200);
    expect(shop.stats()).toMatchObject({ ordersTotal: 1, stockLeft: 99 });
  });
});

describe('product and cart', () => {
  it('answers the product with its stock left, and the cart with the quantity asked', async () => {
    shop.reset({ stock: 42 });
    const person = await admit(shop, 'shopper');
    const product = await call(shop.url, 'GET', '/api/product', { session: person.session, token: person.token });
    expect(product.status).toBe(200);
    expect(product.body).toEqual({
      id: 'commemorative-set-2025',
      name: 'Commemorative coin set 2025',
      priceKrw: 99_000,
      stockLeft: 42,
    });
    const cart = await call(
      shop.url,
      'POST',
      '/api/cart',
      { session: person.session, token: person.token },
      { quantity: 2 },
    );
    expect(cart).toMatchObject({ status: 200, body: { quantity: 2 } });
  });

  it('answers 400 bad_request to a quantity that is not a positive whole number and to a missing address', async () => {
    shop.reset();
    const person = await admit(shop, 'typo');
    const identity = { session: person.session, token: person.token };
    for (const quantity of [0, -1, 1.5, '1']) {
      const answer = await call(shop.url, 'POST', '/api/checkout', identity, { quantity, address: 'A' });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('bad_request');
    }
    expect((await call(shop.url, 'POST', '/api/checkout', identity, { quantity: 1 })).body.error).toBe('bad_request');
    const notJson = await fetch(`${shop.url}/api/checkout`, {
      method: 'POST',
      headers: { 'x-session': person.session, 'x-admission-token': person.token },
      body: '{quantity: 1',
    });
    expect(notJson.status).toBe(400);
    expect(shop.stats().ordersTotal).toBe(0);
  });
});
