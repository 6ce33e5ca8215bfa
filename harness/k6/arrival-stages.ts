/**
 * The arrival curve as stages of k6's `ramping-arrival-rate` executor. Each phase has a
 * constant rate, so it becomes a 0 s jump to the rate and a hold for the phase's length;
 * gaps become holds at 0. Stage lengths are whole ms whose sum is the arrival window.
 */
import type { ArrivalPhase, RunPlan } from '../scenario/index.ts';

export interface K6Stage {
  readonly duration: string;
  readonly target: number;
}

export interface ArrivalStages {
  /** k6's timeUnit: `target` counts people per this unit. */
  readonly timeUnit: '1s' | '1m' | '1h';
  readonly stages: readonly K6Stage[];
  /** One sentence per stage, saying its intent (same order as `stages`). */
  readonly intents: readonly string[];
  readonly totalMs: number;
}

const UNITS = [
  { timeUnit: '1s', seconds: 1 },
  { timeUnit: '1m', seconds: 60 },
  { timeUnit: '1h', seconds: 3600 },
] as const;

/** The smallest unit in which every phase's rate rounds to within 1% (integer targets). */
function chooseUnit(phases: readonly ArrivalPhase[]): (typeof UNITS)[number] {
  for (const unit of UNITS) {
    const fits = phases.every((phase) => {
      const exact = phase.ratePerSecond * unit.seconds;
      return Math.round(exact) > 0 && Math.abs(Math.round(exact) - exact) <= exact * 0.01;
    });
    if (fits) return unit;
  }
  return UNITS[2];
}

/** "6 s", "2.5 s", "1 min 30 s" for stage comments. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 90) return `${Number(seconds.toPrecision(3))} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function rateText(perSecond: number): string {
  return perSecond >= 1 ? `${Number(perSecond.toPrecision(3))} per second` : `${Number((perSecond * 60).toPrecision(3))} per minute`;
}

function intentOf(phase: ArrivalPhase): string {
  const rate = rateText(phase.ratePerSecond);
  switch (phase.phase) {
    case 'early':
      return `early arrivals: ${phase.people} people come in the ${formatDuration(phase.durationMs)} before opening (${rate}) and wait for it`;
    case 'burst':
      return `opening burst: ${phase.people} people rush in within ${formatDuration(phase.durationMs)} of opening (${rate})`;
    case 'tail':
      return `tail: the remaining ${phase.people} people trickle in over ${formatDuration(phase.durationMs)} (${rate})`;
  }
}

/** k6 stages that follow the plan's arrival curve. */
export function buildArrivalStages(plan: Pick<RunPlan, 'arrivals' | 'arrivalEndMs'>): ArrivalStages {
  const unit = chooseUnit(plan.arrivals);
  const stages: K6Stage[] = [];
  const intents: string[] = [];
  let cursorMs = 0; // whole ms already covered by stages
  const hold = (untilMs: number, target: number, intent: string): void => {
    const end = Math.round(untilMs);
    stages.push({ duration: '0s', target }, { duration: `${end - cursorMs}ms`, target });
    intents.push(`${intent} — jump to the rate`, intent);
    cursorMs = end;
  };
  for (const phase of plan.arrivals) {
    if (Math.round(phase.startMs) > cursorMs) hold(phase.startMs, 0, `nobody arrives for ${formatDuration(phase.startMs - cursorMs)}`);
    hold(phase.startMs + phase.durationMs, Math.round(phase.ratePerSecond * unit.seconds), intentOf(phase));
  }
  if (Math.round(plan.arrivalEndMs) > cursorMs) hold(plan.arrivalEndMs, 0, 'nobody else arrives');
  return { timeUnit: unit.timeUnit, stages, intents, totalMs: cursorMs };
}
