// saleready browser people — the processor of browsers.yml, run by Artillery's Playwright
// engine (plain JavaScript, Node built-ins only: the engine hands each virtual user a page).
//
// Each virtual user after the warm-up is one real person in Chromium going through the shop's
// pages (docs/SHOP-API.md, "Pages"): log in → waiting room → product → buy → result. Nobody
// clicks in the waiting room: the page must move on to the product by itself when admitted.
// Each step is timed (Artillery's `browser.step.<step>` and the JSON lines below), a PNG
// screenshot is taken between steps, and a Playwright trace is kept when the journey fails.
//
// Everything goes beside this file (the run folder): browser/<person>/NN-<step>.png,
// browser/<person>/trace.zip, and browsers.jsonl with one JSON line per event — `start`,
// `step` (with its duration), `shot` (screenshot) and `end` (the person's result) — appended
// synchronously, so a run stopped at any moment keeps everything written until then.

import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUN_DIR = dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = 'browsers.jsonl';

/** Virtual users started in this process (the engine runs browser tests on one worker). */
let arrivals = 0;

const testId = (id) => `[data-testid="${id}"]`;

function record(line) {
  appendFileSync(join(RUN_DIR, RESULTS_FILE), `${JSON.stringify(line)}\n`);
}

/** The visible text of a test id, or null. */
async function textOf(page, id) {
  const element = page.locator(testId(id)).first();
  return (await element.count()) > 0 && (await element.isVisible()) ? (await element.innerText()).trim() : null;
}

/** The shop's checkout error code → the person's outcome. */
function outcomeOfOrderError(code) {
  if (code === 'sold_out') return 'sold_out';
  if (code === 'person_limit' || code === 'address_limit') return 'limit_reached';
  return 'error';
}

/**
 * One person (Artillery testFunction).
 * @param {import('playwright-core').Page} page
 * @param {{ vars: Record<string, unknown> }} context
 * @param {import('node:events').EventEmitter} events
 * @param {{ step?: (name: string, action: () => Promise<void>) => Promise<void> }} [test]
 */
export async function browserPerson(page, context, events, test) {
  arrivals += 1;
  const warmUp = Number(context.vars.warmUpArrivals ?? 0);
  // The warm-up virtual user only makes the engine start the Chromium every person shares.
  if (arrivals <= warmUp) return;
  const index = arrivals - warmUp;
  const person = `${context.vars.personPrefix ?? 'browser'}-${index}`;
  const maxQueueMs = Number(context.vars.maxQueueMs ?? 60_000);
  const stepTimeoutMs = Number(context.vars.stepTimeoutMs ?? 30_000);
  const folder = join('browser', person);
  mkdirSync(join(RUN_DIR, folder), { recursive: true });
  const started = Date.now();
  record({ kind: 'start', person, startedAt: new Date(started).toISOString() });
  await page
    .context()
    .tracing.start({ screenshots: true, snapshots: true })
    .catch(() => {});

  let shots = 0;
  const shoot = async (step) => {
    shots += 1;
    const file = join(folder, `${String(shots).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: join(RUN_DIR, file), type: 'png' });
    record({ kind: 'shot', person, step, file, atMs: Date.now() - started });
  };
  /** Runs one step, timed (excluding screenshots); Artillery records it as browser.step.<name>. */
  const timed = async (name, action) => {
    const begin = Date.now();
    let value;
    const run = async () => {
      value = await action();
    };
    if (test && typeof test.step === 'function') await test.step(name, run);
    else await run();
    record({ kind: 'step', person, step: name, ms: Date.now() - begin, atMs: Date.now() - started });
    return value;
  };

  const result = {
    person,
    outcome: 'error',
    queueShownMs: null,
    admissionMs: null,
    movedOnByItself: false,
    confirmationMs: null,
    message: null,
    trace: null,
  };
  let failure = null;
  try {
    await timed('open_login', async () => {
      await page.goto('/login');
      await page.locator(testId('login-user')).fill(person);
    });
    await shoot('login');
    // The queue page, or already the product page (a busy machine may miss a short wait), or a refusal.
    const landed = await timed('log_in', async () => {
      await page.locator(testId('login-submit')).click();
      const next = page
        .locator(testId('queue-state'))
        .or(page.locator(testId('buy-form')))
        .or(page.locator(testId('login-error')))
        .first();
      await next.waitFor({ timeout: stepTimeoutMs });
      return next.getAttribute('data-testid');
    });
    if (landed === 'login-error') throw new Error(`login refused: ${await textOf(page, 'login-error')}`);
    result.queueShownMs = Date.now() - started;
    if (new URL(page.url()).pathname === '/queue') await shoot('queue');
    // From here on nobody clicks. One locator waits across the page change: the product's buy
    // form (admitted), or a notice that the session or the place expired.
    const waited = await timed('wait_in_queue', async () => {
      const next = page
        .locator(testId('buy-form'))
        .or(page.locator(testId('session-expired')))
        .or(page.locator(testId('queue-expired')))
        .first();
      try {
        await next.waitFor({ timeout: maxQueueMs });
      } catch {
        return 'stuck_in_queue';
      }
      if (new URL(page.url()).pathname === '/product') return 'admitted';
      return (await page.locator(testId('queue-expired')).isVisible()) ? 'lost_place' : 'session_expired';
    });
    if (waited !== 'admitted') {
      result.outcome = waited;
      result.message =
        (await textOf(page, 'session-expired')) ??
        (await textOf(page, 'queue-expired')) ??
        (await textOf(page, 'queue-state'));
      await shoot(waited);
    } else {
      result.movedOnByItself = true;
      result.admissionMs = Date.now() - started - result.queueShownMs;
      await timed('product_page', async () => {
        await page.locator(testId('buy-submit')).waitFor({ timeout: stepTimeoutMs });
        await page.locator(testId('buy-address')).fill(`Browser-street ${index}, Seoul`);
      });
      await shoot('product');
      const answer = await timed('buy', async () => {
        await page.locator(testId('buy-submit')).click();
        const shown = page
          .locator(testId('order-confirmation'))
          .or(page.locator(testId('order-error')))
          .or(page.locator(testId('product-error')))
          .or(page.locator(testId('session-expired')))
          .first();
        await shown.waitFor({ timeout: stepTimeoutMs });
        return shown.getAttribute('data-testid');
      });
      if (answer === 'order-confirmation') {
        result.outcome = 'bought';
        result.confirmationMs = Date.now() - started;
      } else if (answer === 'order-error') {
        const code = await page.locator(testId('order-error')).getAttribute('data-error');
        result.outcome = outcomeOfOrderError(code);
        result.message = await textOf(page, 'order-error');
      } else {
        result.outcome = answer === 'session-expired' ? 'session_expired' : 'error';
        result.message = await textOf(page, answer ?? 'product-error');
      }
      await shoot('result');
    }
  } catch (error) {
    failure = error;
    result.outcome = 'error';
    result.message = error instanceof Error ? (error.message.split('\n')[0] ?? 'browser step failed') : String(error);
    await shoot('failure').catch(() => {});
  }

  // Keep the trace when the person never got the shop's answer to a purchase.
  const keepTrace = result.outcome !== 'bought' && result.outcome !== 'sold_out' && result.outcome !== 'limit_reached';
  const trace = join(folder, 'trace.zip');
  await page
    .context()
    .tracing.stop(keepTrace ? { path: join(RUN_DIR, trace) } : {})
    .catch(() => {});
  record({ kind: 'end', ...result, trace: keepTrace && existsSync(join(RUN_DIR, trace)) ? trace : null });
  events.emit('counter', `saleready.browser.${result.outcome}`, 1);
  // A journey that broke (not a shop answer) counts as a failed virtual user in Artillery too.
  if (failure) throw failure;
}
