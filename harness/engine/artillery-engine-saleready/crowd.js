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

  return { actorOf, people, bots, arrivals: people + bots, slots };
}

module.exports = { createCrowd };
