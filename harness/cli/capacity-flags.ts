/** Validates `saleready capacity` flags; every error names the flag, the value and what is allowed. */
import { UsageError } from '../errors.ts';
import type { CapacityTargets } from '../capacity/index.ts';
import { CAPACITY_STEPS, type CapacityStep } from '../engine/index.ts';
import { applyShopOverrides } from '../shop/index.ts';
import type { ShopConfigInput } from '../shop/index.ts';

export const DEFAULT_CAPACITY_LOADS = [1, 2, 4, 8, 16, 24, 32, 48, 64] as const;
const MAX_LOAD = 2000;

export interface CapacityFlags {
  target?: string;
  allowRemote?: boolean;
  journey: string[];
  loads: string;
  stepSeconds: string;
  latencyP95: string;
  maxErrorRate: string;
  set: string[];
  out: string;
  json?: boolean;
  lang?: string;
}

export interface ParsedCapacityFlags {
  targetUrl?: string;
  allowRemote?: boolean;
  journey: CapacityStep[];
  loads: number[];
  stepSeconds: number;
  targets: CapacityTargets;
  shopOverrides: ShopConfigInput;
  outDir: string;
}

function positive(flag: string, raw: string, options: { integer?: boolean; max?: number } = {}): number {
  const value = Number(raw);
  const ok =
    Number.isFinite(value) &&
    value > 0 &&
    (!options.integer || Number.isInteger(value)) &&
    (options.max === undefined || value <= options.max);
  if (!ok) {
    const what = options.integer ? 'a whole number' : 'a number';
    throw new UsageError(
      'cli.bad-flag',
      `${flag} must be ${what} above 0${options.max === undefined ? '' : ` and at most ${options.max}`}, got "${raw}".`,
    );
  }
  return value;
}

export function parseCapacityFlags(flags: CapacityFlags): ParsedCapacityFlags {
  const journey = flags.journey.map((step) => {
    if (!(CAPACITY_STEPS as readonly string[]).includes(step)) {
      throw new UsageError('cli.bad-flag', `--journey step "${step}" is not one of ${CAPACITY_STEPS.join(', ')}.`);
    }
    return step as CapacityStep;
  });
  const loads = flags.loads
    .split(',')
    .map((part) => positive('--loads', part.trim(), { integer: true, max: MAX_LOAD }));
  if (new Set(loads).size < 3)
    throw new UsageError('cli.bad-flag', `--loads needs at least 3 different loads for a fit, got "${flags.loads}".`);
  const maxErrorRate = Number(flags.maxErrorRate);
  if (!(maxErrorRate >= 0 && maxErrorRate <= 1))
    throw new UsageError('cli.bad-flag', `--max-error-rate must be between 0 and 1, got "${flags.maxErrorRate}".`);
  if (flags.target && flags.set.length > 0)
    throw new UsageError('cli.bad-flag', '--set configures the embedded shop; it cannot be used with --target.');
  return {
    targetUrl: flags.target,
    allowRemote: flags.allowRemote,
    journey,
    loads: [...loads].sort((a, b) => a - b),
    stepSeconds: positive('--step-seconds', flags.stepSeconds, { max: 600 }),
    targets: { latencyP95Ms: positive('--latency-p95', flags.latencyP95), maxErrorRate },
    shopOverrides: applyShopOverrides({}, flags.set),
    outDir: flags.out,
  };
}
