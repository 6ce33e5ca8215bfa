import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { useChromium } from '../helpers/chromium.ts';
import { admit, call, join, login, poll, sleep } from './shop-client.ts';

let shop: RunningShop;
const chromium = useChromium();
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop?.close();
});

async function openPage(): Promise<Page> {
  const context = await (await chromium.browser()).newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** Polls a queued person's ticket until admitted (bounded), then buys one unit. */
async function buyWhenAdmitted(session: string, ticketId: string): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const status = await poll(shop, session, ticketId);
    const token = status.body.admissionToken;
    if (token) {
      await call(shop.url, 'POST', '/api/checkout', { session, token }, { quantity: 1, address: ticketId });
      return;
    }
    await sleep(20);
  }
  throw new Error('a person ahead was not admitted within 10 s');
}

async function logIn(page: Page, userId: string): Promise<void> {
  await page.goto(`${shop.url}/login`);
  await page.getByTestId('login-user').fill(userId);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${shop.url}/queue`);
}

describe('the shop in Chromium', () => {
  it('logs in, waits in the queue, reaches the product page by itself when admitted, buys and sees the order', async () => {
    // A blocker holds the only active place, so nobody moves until the test says so: two
    // people are ahead of the browser, which must show place 3 (eta 3 / 120 min⁻¹ = 1.5 s).
    shop.reset({ admissionRatePerMinute: 120, maxActiveUsers: 1, stock: 20 });
    const blocker = await admit(shop, 'blocker');
    const ahead = [];
    for (const userId of ['ahead-1', 'ahead-2']) {
      const session = await login(shop, userId);
      ahead.push({ session, ticketId: (await join(shop, session)).body.ticketId });
    }
    const page = await openPage();
    await logIn(page, 'browser-buyer');
    await expect.poll(() => page.getByTestId('queue-state').textContent()).toBe('waiting');
    expect(await page.getByTestId('queue-position').textContent()).toBe('3');
    expect(await page.getByTestId('queue-eta').textContent()).toBe('2 s');

    // The blocker buys; the two ahead are admitted in turn and buy; then it is the browser's turn.
    const aheadBuy = Promise.all(ahead.map((person) => buyWhenAdmitted(person.session, person.ticketId)));
    await call(shop.url, 'POST', '/api/checkout', blocker, { quantity: 1, address: 'blocker' });
    await page.waitForURL(`${shop.url}/product`, { timeout: 10_000 });
    await aheadBuy;
    await page.reload(); // the stock shown at load may predate the last purchase ahead
    await expect.poll(() => page.getByTestId('product-stock').textContent()).toBe('17');
    expect(await page.getByTestId('product-name').textContent()).toBe('Commemorative coin set 2025');
    await page.getByTestId('buy-quantity').fill('1');
    await page.getByTestId('buy-address').fill('55 Sejong-daero, Seoul');
    await page.getByTestId('buy-submit').click();

    await page.getByTestId('order-confirmation').waitFor();
    expect(await page.getByTestId('order-id').textContent()).toBe('o-4');
    expect(shop.stats()).toMatchObject({ ordersTotal: 4, unitsSold: 4, stockLeft: 16, admittedTotal: 4 });
    await page.context().close();
  });

  it('shows the checkout refusal on the result page when the person buys a second time', async () => {
    shop.reset({ admissionRatePerMinute: 6000, perPersonLimit: 1 });
    const page = await openPage();
    await logIn(page, 'twice');
    await page.waitForURL(`${shop.url}/product`);
    for (let round = 0; round < 2; round += 1) {
      if (round === 1) await page.goto(`${shop.url}/product`);
      await page.getByTestId('buy-address').fill('1 Main St');
      await page.getByTestId('buy-submit').click();
      await page.waitForURL(/\/result\?/);
    }
    await page.getByTestId('order-error').waitFor();
    expect(await page.getByTestId('order-error').getAttribute('data-error')).toBe('person_limit');
    await page.context().close();
  });

  it('shows session-expired while waiting, and after logging in again polls the same ticket', async () => {
    shop.reset({ admissionRatePerMinute: 1, sessionTtlMs: 1200, ticketTtlMs: 60_000 });
    const page = await openPage();
    await logIn(page, 'sleepy');
    await expect.poll(() => page.getByTestId('queue-position').textContent()).toBe('1');
    await page.getByTestId('session-expired').waitFor({ state: 'visible', timeout: 5000 });
    expect(await page.getByTestId('queue-state').textContent()).toBe('session expired');

    await page.getByTestId('session-login').click();
    await page.getByTestId('login-user').fill('sleepy');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${shop.url}/queue`);
    await expect.poll(() => page.getByTestId('queue-state').textContent()).toBe('waiting');
    expect(await page.getByTestId('queue-position').textContent()).toBe('1');
    expect(shop.stats()).toMatchObject({ ticketsIssued: 1, logins: 2, ticketsInvalidated: 0 });
    await page.context().close();
  });

  it('shows queue-expired when the ticket lapsed between polls, and joins again at the back on request', async () => {
    // Polls come every ~1 s, so a 600 ms ticket validity lapses between two polls.
    shop.reset({ admissionRatePerMinute: 1, ticketTtlMs: 600 });
    const page = await openPage();
    await logIn(page, 'lapsed');
    await page.getByTestId('queue-expired').waitFor({ state: 'visible', timeout: 5000 });
    expect(await page.getByTestId('queue-state').textContent()).toBe('place expired');
    expect(shop.stats().ticketsExpired).toBe(1);
    await page.getByTestId('queue-rejoin').click();
    await expect.poll(() => shop.stats().ticketsIssued).toBe(2);
    await page.context().close();
  });
});
