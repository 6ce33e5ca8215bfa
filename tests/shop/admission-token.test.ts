import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdmissionTokenSigner, type AdmissionClaims } from '../../harness/shop/admission-token.ts';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { admit, call, checkout, sleep } from './shop-client.ts';

const SECRET = 'test-secret-0123456789';
const CLAIMS: AdmissionClaims = { g: 0, t: 'ticket-1', s: 'session-1', u: 'kim', e: 60_000 };

describe('AdmissionTokenSigner', () => {
  it('signs claims as base64url(json).base64url(hmac-sha256) and reads them back', () => {
    const signer = new AdmissionTokenSigner(SECRET);
    const token = signer.sign(CLAIMS);
    const [payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))).toEqual(CLAIMS);
    expect(Buffer.from(signature ?? '', 'base64url')).toHaveLength(32); // SHA-256 output
    expect(signer.verify(token)).toEqual(CLAIMS);
  });

  it('refuses a token whose claims were altered (another user) with the signature kept', () => {
    const signer = new AdmissionTokenSigner(SECRET);
    const [, signature] = signer.sign(CLAIMS).split('.');
    const altered = Buffer.from(JSON.stringify({ ...CLAIMS, u: 'bot' })).toString('base64url');
    expect(signer.verify(`${altered}.${signature}`)).toBeUndefined();
  });

  it('refuses a token signed with another secret, a truncated signature and garbage', () => {
    const signer = new AdmissionTokenSigner(SECRET);
    expect(signer.verify(new AdmissionTokenSigner('another-secret-9876543').sign(CLAIMS))).toBeUndefined();
    expect(signer.verify(signer.sign(CLAIMS).slice(0, -4))).toBeUndefined();
    expect(signer.verify('not-a-token')).toBeUndefined();
    expect(signer.verify('a.b.c')).toBeUndefined();
  });
});

describe('admission tokens over HTTP', () => {
  let shop: RunningShop;
  beforeAll(async () => {
    shop = await startShop({ admissionRatePerMinute: 60_000 });
  });
  afterAll(() => shop.close());

  it('sets the token as the adm cookie as well, and the cookie is accepted instead of the header', async () => {
    shop.reset();
    const person = await admit(shop, 'cookie-user');
    const status = await call(shop.url, 'GET', `/api/queue/status?ticket=${person.ticketId}`, {
      session: person.session,
    });
    const setCookie = status.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^adm=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const res = await fetch(`${shop.url}/api/product`, {
      headers: { cookie: `sid=${person.session}; ${setCookie.split(';')[0]}` },
    });
    expect(res.status).toBe(200);
  });

  it('refuses a forged token with 403 token_invalid', async () => {
    shop.reset();
    const person = await admit(shop, 'forger');
    const forged = new AdmissionTokenSigner('guessed-secret-123456').sign({
      g: 0,
      t: person.ticketId,
      s: person.session,
      u: person.userId,
      e: 10_000_000,
    });
    const answer = await call(shop.url, 'GET', '/api/product', { session: person.session, token: forged });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe('token_invalid');
  });

  it('refuses a token after admissionTtlMs with 403 token_expired', async () => {
    shop.reset({ admissionTtlMs: 150 });
    const person = await admit(shop, 'slow-buyer');
    await sleep(200);
    const answer = await checkout(shop, person, { quantity: 1, address: 'A' });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe('token_expired');
  });

  it('refuses a token issued before a reset even with the same secret', async () => {
    shop.reset({ secret: SECRET });
    const person = await admit(shop, 'before');
    shop.reset({ secret: SECRET });
    const answer = await call(shop.url, 'GET', '/api/product', { session: person.session, token: person.token });
    // The session is gone too; the token alone must not open the shop.
    expect(answer.status).toBe(401);
    const fresh = await admit(shop, 'after');
    const replay = await call(shop.url, 'GET', '/api/product', { session: fresh.session, token: person.token });
    expect(replay.status).toBe(403);
    expect(replay.body.error).toBe('token_invalid');
  });
});
