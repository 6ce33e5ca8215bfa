/**
 * What `saleready plan` says on stderr beside the plan: progress for large crowds (one line
 * per simulation, so a 10-million-person plan is never minutes of silence) and the warnings
 * evaluatePlan returns (patience beyond a day, the simulator's bounds reached), in the
 * plan's language.
 */
import { SIM_LIMITS, type PlanProgress, type PlanWarning } from '../capacity/index.ts';
import type { Language } from '../vocabulary.ts';

/** Crowds from this size on get progress lines (a simulation of a million takes ~1–2 s). */
export const PROGRESS_FROM_PEOPLE = 1_000_000;

const count = (value: number): string => Math.round(value).toLocaleString('en-US');

function days(minutes: number, lang: Language): string {
  const value = minutes / 1440;
  if (lang === 'ko') return value >= 365 ? `${count(value / 365)}년` : `${count(value)}일`;
  return value >= 365 ? `${count(value / 365)} years` : `${count(value)} days`;
}

export function describePlanProgress(progress: PlanProgress, lang: Language): string {
  const what = {
    en: {
      'as-planned': 'the plan as written',
      announcement: 'the plan with a sold-out announcement',
      'one-round': 'one round, recommended settings',
      rounds: `${progress.rounds ?? '?'} rounds`,
    },
    ko: {
      'as-planned': '현재 계획',
      announcement: '매진 안내를 더한 계획',
      'one-round': '권장 설정으로 한 번에 판매',
      rounds: `${progress.rounds ?? '?'}회차`,
    },
  }[lang][progress.what];
  return lang === 'ko'
    ? `plan: 시뮬레이션 ${progress.step}/최대 ${progress.mostSteps} — ${what} (${count(progress.people)}명)…`
    : `plan: simulating ${progress.step} of at most ${progress.mostSteps} — ${what} (${count(progress.people)} people)…`;
}

export function describePlanWarning(warning: PlanWarning, lang: Language): string {
  switch (warning.code) {
    case 'patience-beyond-a-day':
      return lang === 'ko'
        ? `경고: 기다림 한도(patience)의 99백분위가 ${days(warning.patienceP99Minutes, lang)}입니다. 사람은 그렇게 기다리지 않습니다: sigma나 minutes를 확인하세요.`
        : `warning: 1% of people would wait more than ${days(warning.patienceP99Minutes, lang)} before giving up (patience's 99th percentile); check sigma or the minutes`;
    case 're-entries-capped':
      return lang === 'ko'
        ? `경고: ${count(warning.accounts)}개 계정이 대기열 뒤로 ${warning.maxReEntries}번 넘게 밀려나 포기한 것으로 계산했습니다(시뮬레이터 한도).`
        : `warning: ${count(warning.accounts)} accounts were sent to the back of the queue more than ${warning.maxReEntries} times and are counted as giving up (the simulator's bound)`;
    case 'horizon-reached':
      return lang === 'ko'
        ? `경고: 마지막 도착 후 ${days(SIM_LIMITS.horizonAfterArrivalsMinutes, lang)}이 지나도 판매가 끝나지 않아, 그때까지 기다리던 ${count(warning.accounts)}개 계정은 포기한 것으로 계산했습니다.`
        : `warning: the sale had not ended ${days(SIM_LIMITS.horizonAfterArrivalsMinutes, lang)} after the last arrival; ${count(warning.accounts)} accounts still waiting then are counted as giving up`;
  }
}
