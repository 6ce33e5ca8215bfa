import { z } from 'zod';
import { UsageError } from '../errors.ts';
import { createHistogram, type Histogram } from './histogram.ts';

/**
 * The compact JSON form of a histogram, as written into summary.json:
 * `{ format, gamma, minTrackableValue, count, sum, min, max, zeroCount, firstIndex, counts }`
 * where `counts[j]` is the number of values in bucket `firstIndex + j` (bucket i covers
 * (γ^(i−1), γ^i]); leading and trailing empty buckets are dropped, inner ones kept as 0.
 * `min` and `max` are null when `count` is 0.
 */
export const HISTOGRAM_JSON_FORMAT = 'saleready.histogram.v1';

const nonNegativeInteger = z.number().int().nonnegative();

export const histogramJsonSchema = z
  .object({
    format: z.literal(HISTOGRAM_JSON_FORMAT),
    gamma: z.number().gt(1).lt(2),
    minTrackableValue: z.number().positive(),
    count: nonNegativeInteger,
    sum: z.number().nonnegative(),
    min: z.number().nonnegative().nullable(),
    max: z.number().nonnegative().nullable(),
    zeroCount: nonNegativeInteger,
    firstIndex: z.number().int(),
    counts: z.array(nonNegativeInteger),
  })
  .refine((j) => j.zeroCount + j.counts.reduce((a, b) => a + b, 0) === j.count, {
    message: 'zeroCount plus the bucket counts must equal count',
    path: ['counts'],
  })
  .refine((j) => (j.count === 0) === (j.min === null) && (j.count === 0) === (j.max === null), {
    message: 'min and max are null exactly when count is 0',
    path: ['min'],
  });

export type HistogramJson = z.infer<typeof histogramJsonSchema>;

/** Serialises a histogram to its compact JSON form (a plain object). Cost O(buckets). */
export function histogramToJson(h: Histogram): HistogramJson {
  let first = 0;
  while (first < h.counts.length && h.counts[first] === 0) first++;
  let last = h.counts.length - 1;
  while (last >= first && h.counts[last] === 0) last--;
  const counts = Array.from(h.counts.subarray(first, last + 1));
  return {
    format: HISTOGRAM_JSON_FORMAT,
    gamma: h.gamma,
    minTrackableValue: h.minTrackableValue,
    count: h.count,
    sum: h.sum,
    min: h.count === 0 ? null : h.min,
    max: h.count === 0 ? null : h.max,
    zeroCount: h.zeroCount,
    firstIndex: counts.length === 0 ? 0 : h.offset + first,
    counts,
  };
}

/**
 * Reads the JSON form back (validated with zod); throws `UsageError` code
 * `stats.bad-histogram-json` naming the field when the input is not a valid histogram.
 */
export function histogramFromJson(json: unknown): Histogram {
  const parsed = histogramJsonSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError('stats.bad-histogram-json', `not a saleready histogram:\n${z.prettifyError(parsed.error)}`);
  }
  const j = parsed.data;
  const h = createHistogram({ gamma: j.gamma, minTrackableValue: j.minTrackableValue });
  h.count = j.count;
  h.sum = j.sum;
  h.min = j.min ?? Infinity;
  h.max = j.max ?? -Infinity;
  h.zeroCount = j.zeroCount;
  h.offset = j.firstIndex;
  h.counts = Float64Array.from(j.counts);
  return h;
}
