'use strict';
// A mergeable log-bucketed histogram, the same as harness/stats/histogram.ts (DDSketch,
// Masson et al., VLDB 2019): a value v above 1e-6 goes to bucket ⌈ln v / ln γ⌉ with
// γ = 1.02, so ingest merges these buckets into the harness's own histograms exactly.
// The bucket formula is written exactly as the harness writes it (same floating-point
// steps); the records writer sends the buckets as they are (records.js), and
// tests/engine/records.test.ts checks that ingest reads back the harness's own histograms.

const GAMMA = 1.02;
const MIN_TRACKABLE_VALUE = 1e-6;
const INVERSE_LOG_GAMMA = 1 / Math.log(GAMMA);

function createHistogram() {
  return { count: 0, sum: 0, min: Infinity, max: -Infinity, zeroCount: 0, buckets: new Map() };
}

/** Adds one non-negative finite value; others are ignored and reported with false. */
function recordValue(h, value) {
  if (!(value >= 0 && value < Infinity)) return false;
  h.count++;
  h.sum += value;
  if (value < h.min) h.min = value;
  if (value > h.max) h.max = value;
  if (value <= MIN_TRACKABLE_VALUE) {
    h.zeroCount++;
    return true;
  }
  const index = Math.ceil(Math.log(value) * INVERSE_LOG_GAMMA);
  h.buckets.set(index, (h.buckets.get(index) || 0) + 1);
  return true;
}

module.exports = { GAMMA, MIN_TRACKABLE_VALUE, createHistogram, recordValue };
