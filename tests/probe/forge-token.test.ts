import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { forgeTokens } from '../../harness/probe/forge-token.ts';

// A token made the way docs/SHOP-API.md describes: base64url(json).base64url(hmac-sha256).
const secret = 'a-secret-of-at-least-16-chars';
const sign = (payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');
const claims = { g: 0, t: 'ticket-1', s: 'session-1', u: 'user-1', e: 123_456 };
const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
const genuine = `${payload}.${sign(payload)}`;

describe('forgeTokens', () => {
  it('makes three forgeries whose signatures do not match their payloads under the real key', () => {
    const forged = forgeTokens(genuine);
    expect(forged.map((item) => item.kind)).toEqual(['altered-payload', 'foreign-key', 'unsigned']);
    for (const item of forged) {
      const [body, signature] = item.token.split('.');
      expect(item.token).not.toBe(genuine);
      expect(signature).not.toBe(sign(body ?? ''));
    }
  });

  it('keeps the claims well-formed, so only the signature check can refuse them', () => {
    for (const item of forgeTokens(genuine)) {
      const body = item.token.split('.')[0] ?? '';
      expect(JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))).toEqual({ ...claims, x: 1 });
    }
  });

  it('changes one character of a payload that is not JSON', () => {
    const [altered] = forgeTokens('opaquepayloadAAAA.sig');
    expect(altered?.token).not.toBe('opaquepayloadAAAA.sig');
    expect(altered?.token.endsWith('.sig')).toBe(true);
    expect(altered?.token.length).toBe('opaquepayloadAAAA.sig'.length);
  });
});
