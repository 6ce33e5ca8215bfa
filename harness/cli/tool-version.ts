import { readFileSync } from 'node:fs';

/** saleready's own version, from package.json. */
export function readToolVersion(): string {
  const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(raw) as { version: string }).version;
}
