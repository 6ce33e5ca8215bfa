/** A capacity run for a person: one line per load step, then the fit and the verdict. */
import type { CapacityProfile, CapacityStepMeasurement } from '../capacity/index.ts';
import { renderCapacityFitText } from './capacity-fit-text.ts';
import type { Language } from '../vocabulary.ts';

const ms = (value: number | null): string => (value === null ? '–' : `${value.toFixed(1)} ms`);
const pct = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(2)}%`);

export function formatCapacityStep(step: CapacityStepMeasurement): string {
  const interval = step.throughputInterval
    ? ` (95% CI ${step.throughputInterval[0].toFixed(1)}…${step.throughputInterval[1].toFixed(1)})`
    : '';
  return `load ${String(step.load).padStart(4)}: ${step.throughputPerSecond.toFixed(1)} journeys/s${interval} · p50 ${ms(step.latencyP50Ms)} · p95 ${ms(step.latencyP95Ms)} · errors ${pct(step.errorRate)}`;
}

export function renderCapacityProfileText(
  profile: CapacityProfile,
  language: Language,
  shopLaw: { s0Ms: number; sigma: number; kappa: number } | null,
): string {
  const ko = language === 'ko';
  const lines: string[] = [];
  const journey = profile.journey.join(' → ');
  if (profile.maxLoadMeetingTargets === null) {
    lines.push(
      ko
        ? `✘ 어떤 부하에서도 목표(p95 ≤ ${profile.targets.latencyP95Ms} ms)를 맞추지 못했습니다.`
        : `✘ No load met the targets (p95 ≤ ${profile.targets.latencyP95Ms} ms, errors ≤ ${pct(profile.targets.maxErrorRate)}).`,
    );
  } else {
    const perMinute = Math.round(profile.peoplePerMinute ?? 0).toLocaleString('en');
    lines.push(
      ko
        ? `✔ 목표를 지키는 최대 부하: 동시 ${profile.maxLoadMeetingTargets}명, 분당 ${perMinute}건의 구매 여정(${journey}).`
        : `✔ Highest load meeting the targets: ${profile.maxLoadMeetingTargets} people at once, ${perMinute} journeys per minute (${journey}).`,
    );
    if (profile.headroom !== null) {
      lines.push(
        ko
          ? `  여유: 적합한 최대 처리량은 그 ${profile.headroom.toFixed(2)}배.`
          : `  Headroom: the fitted peak throughput is ${profile.headroom.toFixed(2)}× that.`,
      );
    }
  }
  lines.push(ko ? `  중단 이유: ${profile.stoppedBecause}` : `  Stopped: ${profile.stoppedBecause}`);
  if (profile.fit) lines.push('', renderCapacityFitText(profile.fit, language));
  if (profile.fit && shopLaw) {
    lines.push(
      ko
        ? `  내장 상점의 실제 값: σ ${shopLaw.sigma}, κ ${shopLaw.kappa}, λ ${(1000 / shopLaw.s0Ms / profile.journey.length).toFixed(2)} (여정/초)`
        : `  The embedded shop's true law: σ ${shopLaw.sigma}, κ ${shopLaw.kappa}, λ ${(1000 / shopLaw.s0Ms / profile.journey.length).toFixed(2)} journeys/s`,
    );
  }
  return lines.join('\n');
}
