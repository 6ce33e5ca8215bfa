/**
 * What a shop's URL may be, wherever it comes from (`--target`, a scenario's `target.url`):
 * http(s), no user name or password (it would be written into the run folder), no control
 * characters (the URL parser drops line breaks and tabs silently, so what was typed and what
 * is loaded would differ), no query or fragment (a run loads the shop's paths, and would drop
 * them). A valid URL is written everywhere in one normal form: origin and path, percent-encoded,
 * without a trailing slash. Whether the host is on this machine is harness/cli's target guard.
 */

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARACTERS_ALL = new RegExp(CONTROL_CHARACTERS.source, 'g');

/** The URL as a person may read it in a message: JSON-escaped, a password replaced, cut at 80 characters. */
export function showTargetUrl(raw: string): string {
  // whatever stands before an @ in the authority may be a password: never shown
  const start = /^(?:[a-z][a-z0-9+.-]*:)?[/\\]*/i.exec(raw)![0].length;
  const authorityEnd = raw.slice(start).search(/[/?#\\]/);
  const authority = raw.slice(start, authorityEnd === -1 ? undefined : start + authorityEnd);
  const at = authority.lastIndexOf('@');
  const redacted = at === -1 ? raw : `${raw.slice(0, start)}…${raw.slice(start + at)}`;
  const text = JSON.stringify(redacted).replace(
    CONTROL_CHARACTERS_ALL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}

/** Why `raw` cannot be a target URL (a phrase to follow the field's name), or null when it can. */
export function targetUrlProblem(raw: string): string | null {
  if (raw.trim() === '')
    return 'is empty: give the shop’s URL, such as http://127.0.0.1:8080 (or leave it out for the embedded shop)';
  const control = CONTROL_CHARACTERS.exec(raw);
  if (control) {
    return `holds a line break, tab or other control character (at position ${control.index + 1} of ${showTargetUrl(raw)}), which a URL cannot hold`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `must be a URL such as http://127.0.0.1:8080, got ${showTargetUrl(raw)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must use http or https, got "${url.protocol}"`;
  if (url.username !== '' || url.password !== '') {
    return `must not hold a user name or password (${showTargetUrl(raw)}): it would be written into the run folder in clear, and saleready sends no credentials in URLs`;
  }
  if (url.search !== '' || raw.includes('?'))
    return 'must not have a query (?…): a run loads the shop’s own paths below the URL';
  if (url.hash !== '' || raw.includes('#'))
    return 'must not have a fragment (#…): a run loads the shop’s own paths below the URL';
  return null;
}

/** The one form a valid target URL is written in: origin + path, percent-encoded, no trailing slash. */
export function normalizeTargetUrl(raw: string): string {
  const url = new URL(raw);
  return url.origin + url.pathname.replace(/\/$/, '');
}
