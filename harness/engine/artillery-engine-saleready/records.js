'use strict';
// saleready's own records, written as they happen by each worker thread into its own file
// (`<records>/<pid>-<thread>.ndjson`, one record a line, format saleready.records.v2; the
// contract is docs/METRICS.md). JSON lines describe; short text lines carry the numbers, so
// a long run's file stays small and reads fast:
//   {"type":"meta", …}                            once, first
//   {"type":"series","id":N,"metric":M,"kind":K,"tags":{…}}
//       declares series N of this file (one metric with one set of tags), before its data
//   c N S count sum                               a counter's samples in wall-clock second S
//   r N S count nonZero                           a rate's samples in second S
//   t N S count sum min max zeroCount negative firstIndex counts…
//       a trend's samples in second S as a mergeable histogram (buckets of histogram.js from
//       firstIndex on; a negative number −z stands for z empty buckets)
//   Data lines are written every flush (0.5 s), so a second may come in several lines that
//   add up exactly.
//   {"type":"person", …}                          one per person or bot, when they leave
//   {"type":"sample","step":…,"actor":…,"status":…,"ms":…}
//       one request's duration, only with the setting `rawSamples: true` (a check aid: the
//       exact values the histograms are tested against)
//   {"type":"end","atMs":T}                       the engine closed cleanly
// Writes are synchronous (fs.writeSync): buffered writes flushed at shutdown lost a whole
// worker's file (ENGINE.md), and Artillery exits at once on Ctrl-C, so what is in the file
// is what was measured up to the last flush.
const { closeSync, mkdirSync, openSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { threadId } = require('node:worker_threads');
const { createHistogram, recordValue } = require('./histogram.js');

const RECORDS_FORMAT = 'saleready.records.v2';
/** Tags a series can carry, in the order its key is built. */
const TAG_KEYS = [
  'step',
  'actor',
  'status',
  'name',
  'expected_response',
  'bypass',
  'phase',
  'outcome',
  'reason',
  'reentry',
  'kind',
  'result',
  'ring',
];

function createRecorder(dir, meta, options = {}) {
  const flushMs = options.flushMs || 500;
  let samples = options.rawSamples ? '' : null;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${process.pid}-${threadId}.ndjson`);
  const fd = openSync(path, 'a');
  /** `second|metric|tag values` → { second, metric, tags, kind, … } for the current flush. */
  let pending = new Map();
  /** `metric|tag values` → the series' id in this file (declared once). */
  const seriesIds = new Map();
  let closed = false;

  function write(text) {
    if (closed) return;
    writeSync(fd, text);
  }

  write(
    `${JSON.stringify({ type: 'meta', format: RECORDS_FORMAT, pid: process.pid, threadId, startedAtMs: Date.now(), ...meta })}\n`,
  );

  function entryFor(metric, kind, tags, timeMs) {
    const second = Math.floor(timeMs / 1000);
    let series = metric;
    for (let i = 0; i < TAG_KEYS.length; i++) {
      const value = tags[TAG_KEYS[i]];
      series += value === undefined ? '|' : `|${value}`;
    }
    const key = `${second}|${series}`;
    let entry = pending.get(key);
    if (entry === undefined) {
      entry = {
        second,
        series,
        metric,
        kind,
        tags,
        count: 0,
        sum: 0,
        nonZero: 0,
        negative: 0,
        histogram: kind === 'trend' ? createHistogram() : null,
      };
      pending.set(key, entry);
    }
    return entry;
  }

  /** A counter sample (e.g. 1 request, 2 units bought). */
  function count(metric, tags, value = 1, timeMs = Date.now()) {
    const entry = entryFor(metric, 'counter', tags, timeMs);
    entry.count++;
    entry.sum += value;
  }

  /** A rate sample: true counts as non-zero (e.g. a failed request). */
  function rate(metric, tags, yes, timeMs = Date.now()) {
    const entry = entryFor(metric, 'rate', tags, timeMs);
    entry.count++;
    if (yes) entry.nonZero++;
  }

  /** A trend sample in ms (e.g. a request's duration, a queue wait). */
  function trend(metric, tags, value, timeMs = Date.now()) {
    const entry = entryFor(metric, 'trend', tags, timeMs);
    if (!recordValue(entry.histogram, value)) entry.negative++;
  }

  /** The series' id, with its declaration line the first time. */
  function idOf(entry) {
    let id = seriesIds.get(entry.series);
    if (id !== undefined) return { id, declaration: '' };
    id = seriesIds.size + 1;
    seriesIds.set(entry.series, id);
    const tags = {};
    for (const key of TAG_KEYS) if (entry.tags[key] !== undefined) tags[key] = String(entry.tags[key]);
    return {
      id,
      declaration: `${JSON.stringify({ type: 'series', id, metric: entry.metric, kind: entry.kind, tags })}\n`,
    };
  }

  /** The data line of one series in one second. */
  function dataLine(id, entry) {
    if (entry.kind === 'counter') return `c ${id} ${entry.second} ${entry.count} ${entry.sum}\n`;
    if (entry.kind === 'rate') return `r ${id} ${entry.second} ${entry.count} ${entry.nonZero}\n`;
    const h = entry.histogram;
    let first = Infinity;
    let last = -Infinity;
    for (const index of h.buckets.keys()) {
      if (index < first) first = index;
      if (index > last) last = index;
    }
    let line = `t ${id} ${entry.second} ${h.count} ${h.sum} ${h.count === 0 ? 0 : h.min} ${h.count === 0 ? 0 : h.max} ${h.zeroCount} ${entry.negative} ${first === Infinity ? 0 : first}`;
    let empty = 0;
    for (let index = first; index <= last; index++) {
      const count = h.buckets.get(index);
      if (count === undefined) {
        empty++;
        continue;
      }
      if (empty > 0) {
        line += ` -${empty}`;
        empty = 0;
      }
      line += ` ${count}`;
    }
    return `${line}\n`;
  }

  /** One request's exact duration, kept only when raw samples were asked for. */
  function sample(step, actor, status, ms) {
    if (samples === null) return;
    samples += `${JSON.stringify({ type: 'sample', step, actor, status, ms })}\n`;
  }

  /** Writes what was measured since the last flush. */
  function flush() {
    if (samples) {
      write(samples);
      samples = '';
    }
    if (pending.size === 0) return;
    const entries = pending;
    pending = new Map();
    let text = '';
    for (const entry of entries.values()) {
      const { id, declaration } = idOf(entry);
      text += declaration + dataLine(id, entry);
      if (text.length > 1 << 20) {
        write(text);
        text = '';
      }
    }
    write(text);
  }

  /** One person's (or bot's) record, written at once. */
  function person(record) {
    write(`${JSON.stringify({ type: 'person', ...record })}\n`);
  }

  const timer = setInterval(flush, flushMs);
  timer.unref();
  const onExit = () => close();
  process.once('exit', onExit);

  function close() {
    if (closed) return;
    clearInterval(timer);
    flush();
    write(`${JSON.stringify({ type: 'end', atMs: Date.now() })}\n`);
    closed = true;
    process.removeListener('exit', onExit);
    closeSync(fd);
  }

  return { path, count, rate, trend, sample, person, flush, close };
}

module.exports = { RECORDS_FORMAT, TAG_KEYS, createRecorder };
