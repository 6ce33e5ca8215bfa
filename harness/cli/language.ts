/** The report language: `--lang`, else SALEREADY_LANG, else the locale (LANG/LC_ALL) — ko or en. */
import { UsageError } from '../errors.ts';

export type Language = 'en' | 'ko';

export function parseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
  if (flag !== undefined) {
    if (flag === 'en' || flag === 'ko') return flag;
    throw new UsageError('cli.bad-lang', `--lang must be en or ko, got "${flag}".`);
  }
  const fromEnv = env.SALEREADY_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return fromEnv.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
