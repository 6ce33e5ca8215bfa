'use strict';
// The journey metrics of docs/METRICS.md (sr_*), recorded in saleready's records and, under
// `saleready.<actor>.<metric>[.<detail>]`, as Artillery counters and summaries so that
// Artillery's own report and its `ensure` checks see them too.

function artilleryName(metric, tags) {
  let name = `saleready.${tags.actor}.${metric.replace(/^sr_/, '')}`;
  if (tags.outcome) name += `.${tags.outcome}`;
  if (tags.reason) name += `.${tags.reason}`;
  if (tags.kind) name += `.${tags.kind}.${tags.result}`;
  return name;
}

function createMetrics(recorder, ee) {
  return {
    /** A counter: one event, or `value` of something (units bought). */
    count(metric, tags, value = 1) {
      recorder.count(metric, tags, value);
      ee.emit('counter', artilleryName(metric, tags), value);
    },
    /** A time in ms (run time). */
    trend(metric, tags, valueMs) {
      recorder.trend(metric, tags, valueMs);
      ee.emit('histogram', artilleryName(metric, tags), valueMs);
    },
  };
}

/** Outcomes a person or bot can end with (docs/METRICS.md); tests keep it equal to the harness's list. */
const OUTCOMES = ['bought', 'sold_out', 'limit_reached', 'gave_up', 'lost_place', 'error'];

module.exports = { OUTCOMES, artilleryName, createMetrics };
