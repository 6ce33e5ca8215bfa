'use strict';
// saleready's own records, written as they happen by each worker thread into its own file
// (`<records>/<pid>-<thread>.ndjson`, one JSON object a line, format saleready.records.v1):
//   {"type":"meta", …}                            once, first
//   {"type":"series","second":S,"metric":M,"tags":{…},"aggregate":{…}}
//       what one metric with one set of tags measured in wall-clock second S: a counter
//       (count, sum), a rate (count, nonZero) or a trend (a mergeable histogram); written
//       every flush (0.5 s), so a second may come in several lines that add up exactly
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
const { createHistogram, histogramToJson, recordValue } = require('./histogram.js');

const RECORDS_FORMAT = 'saleready.records.v1';
/** Tags a series can carry, in the order its key is built. */
const TAG_KEYS = ['step', 'actor', 'status', 'name', 'expected_response', 'bypass', 'phase', 'outcome', 'reason', 'reentry', 'kind', 'result', 'ring'];

function createRecorder(dir, meta, options = {}) {
  const flushMs = options.flushMs || 500;
  let samples = options.rawSamples ? '' : null;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${process.pid}-${threadId}.ndjson`);
  const fd = openSync(path, 'a');
  /** `second|metric|tag values` → { second, metric, tags, kind, … } for the current flush. */
  let pending = new Map();
  let closed = false;

  function write(text) {
    if (closed) return;
    writeSync(fd, text);
  }

  write(`${JSON.stringify({ type: 'meta', format: RECORDS_FORMAT, pid: process.pid, threadId, startedAtMs: Date.now(), ...meta })}\n`);

  function entryFor(metric, kind, tags, timeMs) {
    const second = Math.floor(timeMs / 1000);
    let key = `${second}|${metric}`;
    for (let i = 0; i < TAG_KEYS.length; i++) {
      const value = tags[TAG_KEYS[i]];
      key += value === undefined ? '|' : `|${value}`;
    }
    let entry = pending.get(key);
    if (entry === undefined) {
      entry = { second, metric, kind, tags, count: 0, sum: 0, nonZero: 0, negative: 0, histogram: kind === 'trend' ? createHistogram() : null };
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

  function aggregateOf(entry) {
    if (entry.kind === 'trend') return { kind: 'trend', histogram: histogramToJson(entry.histogram), negative: entry.negative };
    if (entry.kind === 'rate') return { kind: 'rate', count: entry.count, nonZero: entry.nonZero };
    return { kind: 'counter', count: entry.count, sum: entry.sum };
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
      const tags = {};
      for (const key of TAG_KEYS) if (entry.tags[key] !== undefined) tags[key] = String(entry.tags[key]);
      text += `${JSON.stringify({ type: 'series', second: entry.second, metric: entry.metric, tags, aggregate: aggregateOf(entry) })}\n`;
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
