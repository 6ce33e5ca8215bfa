'use strict';
// Who the n-th arrival is. The compiled test's phases follow the plan's arrival segments in
// order, each bringing `slots` arrivals spread evenly over its length (`people + bots` when the
// segment says no slots); inside a segment people and bots are interleaved evenly (Bresenham),
// so the counts per segment are exact and so is the crowd's total. Arrival n ↦ { actor, index }
// where index numbers people and bots separately (their place in the people and bot pools).
// A share of a distributed run (harness/engine/split-plan.ts) runs the same phases on every
// worker: its segments may have fewer people and bots than slots, and the spare slots, spread
// evenly, are `idle` (the engine ends them at once); its people are the pool's indices from
// `share.peopleOffset` on, its bots the pool indices `share.botIndices` (whole rings).
//
// Artillery does not start each arrival: a phase brings `wakeups` arrivals (fewer than slots
// when people come faster than one per 500 ms, harness/engine/arrival-segments.ts), and each
// wakes the engine to start the slots due until the next wake-up, each at its own time. Slot s
// of a segment of S slots over D ms is due at start + (s + 1)·D/S (where Artillery's own
// spacing would put it), wake-up i of its W at start + i·D/W, and wake-up 0 is the test's
// first phase at the run's start. A segment without `wakeups` has one per slot.

function createCrowd(segments, share) {
  const peopleOffset = (share && share.peopleOffset) || 0;
  const botIndices = (share && share.botIndices) || null;
  const starts = [];
  let slots = 0;
  let people = 0;
  let bots = 0;
  for (const segment of segments) {
    const total = segment.people + segment.bots;
    const segmentSlots = segment.slots === undefined ? total : Math.max(segment.slots, total);
    starts.push({ slots, people, bots, segment, total, segmentSlots });
    slots += segmentSlots;
    people += segment.people;
    bots += segment.bots;
  }
  let cursor = 0;

  /** start + k·D/X ms: the one expression for slot and wake-up times, so equal ones compare equal. */
  const at = (start, k, duration, parts) => start + (k * duration) / parts;
  const wakeupTimes = [-Infinity];
  for (const { segment, total, segmentSlots } of starts) {
    const count = segment.wakeups === undefined ? segmentSlots : total === 0 ? 0 : segment.wakeups;
    for (let i = 1; i <= count; i++) wakeupTimes.push(at(segment.startMs || 0, i, segment.durationMs || 0, count));
  }
  /** When slot n (0-based, in arrival order) is due, ms from the run's start. */
  function dueAt(n) {
    const start = starts.findLast((candidate) => candidate.slots <= n && candidate.segmentSlots > 0);
    const { segment, segmentSlots } = start;
    return at(segment.startMs || 0, n - start.slots + 1, segment.durationMs || 0, segmentSlots);
  }
  /** The first slot due at or after `timeMs` (slots when none is). */
  function firstSlotFrom(timeMs) {
    let low = 0;
    let high = slots;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (dueAt(middle) >= timeMs) high = middle;
      else low = middle + 1;
    }
    return low;
  }
  /**
   * The slots the n-th wake-up starts and when they are due: [{ slot, atMs }]. Past the last
   * wake-up (Artillery may round one more arrival into a phase), nobody.
   */
  function wakeup(n) {
    if (n >= wakeupTimes.length) return [];
    const from = firstSlotFrom(wakeupTimes[n]);
    const to = n + 1 < wakeupTimes.length ? firstSlotFrom(wakeupTimes[n + 1]) : slots;
    const due = [];
    for (let slot = from; slot < to; slot++) due.push({ slot, atMs: dueAt(slot) });
    return due;
  }

  const person = (local) => ({ actor: 'person', index: peopleOffset + local });
  const bot = (local) => ({ actor: 'bot', index: botIndices ? botIndices[local] : local });

  /** The actor of arrival n (0-based, in arrival order); past the plan, an extra person. */
  function actorOf(n) {
    while (cursor + 1 < starts.length && n >= starts[cursor + 1].slots) cursor++;
    while (cursor > 0 && n < starts[cursor].slots) cursor--;
    const start = starts[cursor];
    if (start === undefined || n >= slots) return person(people + (n - slots));
    const { segment, total, segmentSlots } = start;
    const slot = n - start.slots;
    // the segment's `total` real arrivals spread evenly over its slots (all of them when equal)
    const realBefore = Math.floor((slot * total) / segmentSlots);
    if (Math.floor(((slot + 1) * total) / segmentSlots) === realBefore) return { actor: 'idle', index: -1 };
    const j = realBefore;
    const botsBefore = Math.floor((j * segment.bots) / total);
    const botsThrough = Math.floor(((j + 1) * segment.bots) / total);
    if (botsThrough > botsBefore) return bot(start.bots + botsBefore);
    return person(start.people + (j - botsBefore));
  }

  return { actorOf, wakeup, wakeups: wakeupTimes.length, people, bots, arrivals: people + bots, slots };
}

module.exports = { createCrowd };
