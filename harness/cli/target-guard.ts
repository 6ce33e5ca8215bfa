/**
 * Load goes only to loopback unless the user passes --allow-remote (DESIGN.md, "Contracts").
 */
import { isIP } from 'node:net';
import { UsageError } from '../errors.ts';

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

/** Parses `--target` and refuses anything but an http(s) loopback URL unless allowed. */
export function checkTargetUrl(raw: string, allowRemote: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError('cli.bad-target', `--target must be a URL such as http://127.0.0.1:8080, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError('cli.bad-target', `--target must use http or https, got "${url.protocol}".`);
  }
  if (!allowRemote && !isLoopbackHost(url.hostname)) {
    throw new UsageError('cli.remote-target', `--target ${url.host} is not on this machine; saleready sends load only to 127.0.0.1/localhost.`, [
      'Pass --allow-remote if you really mean to load-test another machine (and are allowed to).',
    ]);
  }
  return url.origin + url.pathname.replace(/\/$/, '');
}
