/**
 * Load goes only to loopback unless the user passes --allow-remote (DESIGN.md, "Contracts").
 * The URL itself must be one saleready can write into a run folder as it is loaded
 * (harness/scenario `targetUrlProblem`); messages name where it came from (`--target`, or
 * `target.url` in the scenario).
 */
import { isIP } from 'node:net';
import { UsageError } from '../errors.ts';
import { normalizeTargetUrl, targetUrlProblem } from '../scenario/index.ts';

/**
 * Loopback by its address, or the name `localhost`. Names under `.localhost` are refused: the
 * resolver (/etc/hosts, DNS) may send them anywhere, and the engine resolves them again itself.
 */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

/**
 * Checks a target URL and returns it normalised (origin + path, no trailing slash): http(s),
 * no password, no control characters, and a loopback host unless `allowRemote`. `source`
 * names it in messages: `--target` (the default) or `target.url`.
 */
export function checkTargetUrl(raw: string, allowRemote: boolean, source = '--target'): string {
  const problem = targetUrlProblem(raw);
  if (problem) throw new UsageError('cli.bad-target', `${source} ${problem}.`);
  const url = new URL(raw);
  if (!allowRemote && !isLoopbackHost(url.hostname)) {
    const dotLocalhost = /\.localhost\.?$/i.test(url.hostname);
    throw new UsageError(
      'cli.remote-target',
      dotLocalhost
        ? `${source} ${url.host} is a name under .localhost, which this machine may resolve to any address; saleready sends load only to 127.0.0.1/localhost.`
        : `${source} ${url.host} is not on this machine; saleready sends load only to 127.0.0.1/localhost.`,
      [
        dotLocalhost
          ? 'Use 127.0.0.1 or localhost with the port, or pass --allow-remote if the name is meant to reach another machine.'
          : 'Pass --allow-remote if you really mean to load-test another machine (and are allowed to).',
      ],
    );
  }
  return normalizeTargetUrl(raw);
}
