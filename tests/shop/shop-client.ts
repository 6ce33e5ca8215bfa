/**
 * A small client for the reference shop's HTTP API, used by the shop tests: real requests
 * through fetch, identity by headers (X-Session, X-Admission-Token, X-Actor).
 */
import type { RunningShop, ShopStats } from '../../harness/shop/index.ts';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: string; message?: string };
  headers: Headers;
}

export interface Identity {
  session?: string;
  token?: string;
  actor?: string;
}

export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  identity: Identity = {},
  body?: unknown,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (identity.session) headers['x-session'] = identity.session;
  if (identity.token) headers['x-admission-token'] = identity.token;
  if (identity.actor) headers['x-actor'] = identity.actor;
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Answer<T>['body'], headers: res.headers };
}

export interface Person {
  userId: string;
  session: string;
  ticketId: string;
  token: string;
}

export async function login(shop: RunningShop, userId: string, actor?: string): Promise<string> {
  const answer = await call<{ sessionId: string }>(shop.url, 'POST', '/api/login', { actor }, { userId });
  if (answer.status !== 200) throw new Error(`login ${userId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.sessionId;
}

export async function join(
  shop: RunningShop,
  session: string,
): Promise<Answer<{ ticketId: string; position: number; etaMs: number; state: string; reused: boolean }>> {
  return call(shop.url, 'POST', '/api/queue/join', { session });
}

export async function poll(
  shop: RunningShop,
  session: string,
  ticketId: string,
): Promise<Answer<{ state: string; position?: number; etaMs?: number; admissionToken?: string }>> {
  return call(shop.url, 'GET', `/api/queue/status?ticket=${encodeURIComponent(ticketId)}`, { session });
}

/** Logs in, joins and polls every `pollMs` until admitted; fails after `timeoutMs`. */
export async function admit(shop: RunningShop, userId: string, timeoutMs = 10_000, pollMs = 20): Promise<Person> {
  const session = await login(shop, userId);
  const joined = await join(shop, session);
  if (joined.status !== 200) throw new Error(`join ${userId}: ${joined.status} ${JSON.stringify(joined.body)}`);
  const ticketId = joined.body.ticketId;
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const status = await poll(shop, session, ticketId);
    if (status.status !== 200) throw new Error(`poll ${userId}: ${status.status} ${JSON.stringify(status.body)}`);
    if (status.body.state === 'admitted' && status.body.admissionToken) {
      return { userId, session, ticketId, token: status.body.admissionToken };
    }
    await sleep(pollMs);
  }
  throw new Error(`${userId} was not admitted within ${timeoutMs} ms`);
}

/** An admitted person's order: POST /api/checkout with their session and admission token. */
export async function checkout<T = Record<string, unknown>>(
  shop: RunningShop,
  person: Person,
  order: { quantity: number; address?: string },
): Promise<Answer<T>> {
  return call(shop.url, 'POST', '/api/checkout', { session: person.session, token: person.token }, order);
}

/** Admits many people, `batch` at a time (the shop's admission rate must allow it). */
export async function admitMany(shop: RunningShop, userIds: readonly string[], batch = 100): Promise<Person[]> {
  const people: Person[] = [];
  for (let start = 0; start < userIds.length; start += batch) {
    people.push(...(await Promise.all(userIds.slice(start, start + batch).map((id) => admit(shop, id)))));
  }
  return people;
}

export async function stats(shop: RunningShop): Promise<ShopStats> {
  const answer = await call<ShopStats>(shop.url, 'GET', '/admin/stats');
  return answer.body;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Calls `check` every 20 ms until it returns true; fails after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
