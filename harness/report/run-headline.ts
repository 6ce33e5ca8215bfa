/**
 * The sentence a person reads first about a run: what sold and what happened to people, in
 * words — "117 of 167 units sold; 3,205 of 3,327 people gave up after waiting, 98 bought,
 * 24 found it sold out." — in English or Korean. Outcomes are listed largest first; the
 * first names the whole crowd. Pure.
 */
import { formatNumber } from './format-figures.ts';
import type { Language } from '../vocabulary.ts';
import { OUTCOMES, type Outcome, type RunSummary } from './run-summary.ts';

const PHRASES: Record<Outcome, { readonly en: string; readonly ko: string }> = {
  bought: { en: 'bought', ko: '구매' },
  gave_up: { en: 'gave up after waiting', ko: '기다리다 포기' },
  sold_out: { en: 'found it sold out', ko: '품절 확인' },
  lost_place: { en: 'lost their place', ko: '순번 상실' },
  limit_reached: { en: 'hit the purchase limit', ko: '구매 한도 도달' },
  error: { en: 'met an error', ko: '오류' },
};

export function buildRunHeadline(summary: RunSummary, lang: Language): string {
  const { stock } = summary;
  const sold = formatNumber(stock.unitsSold);
  const parts: string[] = [];
  if (lang === 'ko')
    parts.push(stock.stock === null ? `${sold}개 판매` : `재고 ${formatNumber(stock.stock)}개 중 ${sold}개 판매`);
  else parts.push(stock.stock === null ? `${sold} units sold` : `${sold} of ${formatNumber(stock.stock)} units sold`);
  const people = summary.actors.person;
  if (people && people.arrivals > 0) {
    const outcomes = OUTCOMES.map((outcome) => [outcome, people.outcomes[outcome]] as const)
      .filter(([, value]) => value > 0)
      .sort((a, b) => b[1] - a[1]);
    const phrases = outcomes.map(([outcome, value], index) => {
      const phrase = PHRASES[outcome][lang];
      if (lang === 'ko')
        return index === 0
          ? `${formatNumber(people.arrivals)}명 중 ${formatNumber(value)}명 ${phrase}`
          : `${formatNumber(value)}명 ${phrase}`;
      return index === 0
        ? `${formatNumber(value)} of ${formatNumber(people.arrivals)} people ${phrase}`
        : `${formatNumber(value)} ${phrase}`;
    });
    if (phrases.length > 0) parts.push(phrases.join(', '));
    const stillOut = people.arrivals - outcomes.reduce((sum, [, value]) => sum + value, 0);
    if (stillOut > 0)
      parts.push(
        lang === 'ko'
          ? `${formatNumber(stillOut)}명은 실행이 끝날 때까지 결과 없음`
          : `${formatNumber(stillOut)} had no outcome when the run ended`,
      );
  }
  const bots = summary.actors.bot;
  if (bots && bots.unitsBought > 0)
    parts.push(
      lang === 'ko'
        ? `봇이 ${formatNumber(bots.unitsBought)}개 구매`
        : `bots bought ${formatNumber(bots.unitsBought)} units`,
    );
  return `${parts.join('; ')}.`;
}
