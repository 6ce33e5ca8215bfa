/**
 * What the crowd did beyond the totals: bots' share of the stock and bulk buying per address
 * (one bot ring buys to one address), queue-bypass attempts, fairness of admission order,
 * and "waited and lost" — people who waited long and then lost their place (the 2021 failure).
 */
import { tagValuesOf, type IngestResult } from '../results/index.ts';
import { countOrderInversions, histogramCountAtLeast } from '../stats/index.ts';
import { countOf, distribution } from './ingest-figures.ts';
import type { CrowdFigures } from './run-summary.ts';

export interface CrowdFiguresOptions {
  readonly timeScale: number;
  readonly stock: number | null;
  readonly perAddressLimit: number | null;
  /** Reversals of admission order within this much run time are not counted (poll interval). */
  readonly orderToleranceMs: number;
  /** "Waited and lost": people who had waited at least this long, sale time, ms. */
  readonly lostAfterSaleMs: number;
  /** The shop's own count of addresses over the limit, when it reported one. */
  readonly shopAddressesOverLimit?: number | null;
}

function botFigures(ingest: IngestResult, options: CrowdFiguresOptions): CrowdFigures['bots'] {
  const rings = tagValuesOf(ingest, 'sr_units_bought', 'ring');
  const units = countOf(ingest, 'sr_units_bought{actor:bot}');
  const arrivals = countOf(ingest, 'sr_arrivals{actor:bot}');
  if (arrivals === 0 && units === 0 && rings.length === 0) return null;
  const unitsByRing: Record<string, number> = {};
  for (const ring of rings) unitsByRing[ring] = countOf(ingest, `sr_units_bought{actor:bot,ring:${ring}}`);
  const limit = options.perAddressLimit;
  const bypass: Record<string, Record<string, number>> = {};
  for (const kind of tagValuesOf(ingest, 'sr_bypass_attempts', 'kind')) {
    bypass[kind] = {};
    for (const result of tagValuesOf(ingest, 'sr_bypass_attempts', 'result')) {
      bypass[kind]![result] = countOf(ingest, `sr_bypass_attempts{kind:${kind},result:${result}}`);
    }
  }
  return {
    accounts: arrivals,
    units,
    shareOfStock: options.stock ? units / options.stock : null,
    rings: rings.length,
    unitsByRing,
    ringsOverAddressLimit: limit === null ? null : Object.values(unitsByRing).filter((value) => value > limit).length,
    unitsOverAddressLimit:
      limit === null ? null : Object.values(unitsByRing).reduce((sum, value) => sum + Math.max(0, value - limit), 0),
    shopAddressesOverLimit: options.shopAddressesOverLimit ?? null,
    bypass,
  };
}

export function buildCrowdFigures(ingest: IngestResult, options: CrowdFiguresOptions): CrowdFigures {
  const k = options.timeScale;
  const samples = ingest.queueWaitSamples.map((sample) => ({
    joinedAtMs: sample.admittedAtMs - sample.waitMs,
    admittedAtMs: sample.admittedAtMs,
  }));
  const order = samples.length >= 2 ? countOrderInversions(samples, options.orderToleranceMs) : null;
  const lost = distribution(ingest, 'sr_lost_after_wait{actor:person}', k);
  const lostLong = lost.count === 0 ? 0 : countAbove(ingest, options.lostAfterSaleMs / k);
  return {
    bots: botFigures(ingest, options),
    fairness: order && {
      people: order.people,
      invertedShare: order.invertedShare,
      peopleOvertaken: order.peopleOvertaken,
      maxOvertakenBy: order.maxOvertakenBy,
      toleranceSaleMs: options.orderToleranceMs * k,
      samplesDropped: ingest.queueWaitSamplesDropped,
    },
    waitedAndLost: {
      thresholdSaleMs: options.lostAfterSaleMs,
      people: lostLong,
      lostPlaces: lost.count,
      waitedSaleTime: lost,
    },
  };
}

/** Lost places after a wait of at least `runMs`, from the histogram (±1% at the boundary). */
function countAbove(ingest: IngestResult, runMs: number): number {
  const series = [...ingest.series.values()].filter(
    (s) => s.metric === 'sr_lost_after_wait' && s.tags.actor === 'person',
  );
  let count = 0;
  for (const s of series) {
    if (s.total.kind !== 'trend') continue;
    const h = s.total.histogram;
    count += histogramCountAtLeast(h, runMs);
  }
  return count;
}
