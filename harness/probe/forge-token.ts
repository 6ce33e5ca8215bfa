/**
 * Ways to forge an admission token of the form `base64url(payload).base64url(signature)`
 * (docs/SHOP-API.md, "Identity"), each of which a shop that verifies its HMAC must refuse:
 * - `altered-payload`: the real token with its payload changed (a field added to the JSON
 *   claims, or one character changed when the payload is not JSON) and the real signature;
 * - `foreign-key`: that altered payload signed with HMAC-SHA256 under a random key;
 * - `unsigned`: the altered payload with an empty signature.
 * The altered claims stay well-formed, so a shop that reads them without checking the
 * signature would accept them: only the signature check can refuse them.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface ForgedToken {
  kind: 'altered-payload' | 'foreign-key' | 'unsigned';
  token: string;
  /** How it was made, in words, for the evidence. */
  how: string;
}

function alterPayload(payload: string): string {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (claims !== null && typeof claims === 'object' && !Array.isArray(claims)) {
      return Buffer.from(JSON.stringify({ ...claims, x: 1 }), 'utf8').toString('base64url');
    }
  } catch {
    // not JSON: change one character below
  }
  const middle = Math.floor(payload.length / 2);
  const replacement = payload[middle] === 'A' ? 'B' : 'A';
  return `${payload.slice(0, middle)}${replacement}${payload.slice(middle + 1)}`;
}

export function forgeTokens(genuine: string): ForgedToken[] {
  const dot = genuine.indexOf('.');
  const payload = dot > 0 ? genuine.slice(0, dot) : genuine;
  const signature = dot > 0 ? genuine.slice(dot + 1) : '';
  const altered = alterPayload(payload);
  const foreignSignature = createHmac('sha256', randomBytes(32)).update(altered).digest('base64url');
  return [
    {
      kind: 'altered-payload',
      token: `${altered}.${signature}`,
      how: 'a genuine token with a field added to its payload, genuine signature kept',
    },
    {
      kind: 'foreign-key',
      token: `${altered}.${foreignSignature}`,
      how: 'an altered payload signed with HMAC-SHA256 under another key',
    },
    { kind: 'unsigned', token: `${altered}.`, how: 'an altered payload with an empty signature' },
  ];
}
