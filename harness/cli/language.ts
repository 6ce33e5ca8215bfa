/** The report language: `--lang`, else SALEREADY_LANG, else the locale (LANG/LC_ALL) — ko or en. */
import { UsageError } from '../errors.ts';
import { LANGUAGES, type Language } from '../vocabulary.ts';

export type { Language };

export function parseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
  if (flag !== undefined) {
    if ((LANGUAGES as readonly string[]).includes(flag)) return flag as Language;
    throw new UsageError('cli.bad-lang', `--lang must be ${LANGUAGES.join(' or ')}, got "${flag}".`);
  }
  const fromEnv = env.SALEREADY_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return fromEnv.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
