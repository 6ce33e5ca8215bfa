'use strict';
// Who the n-th arrival is. The compiled test's phases follow the plan's arrival segments in
// order, each bringing `people + bots` arrivals spread evenly over its length; inside a
// segment people and bots are interleaved evenly (Bresenham), so the counts per segment are
// exact and so is the crowd's total. Arrival n ↦ { actor, index } where index numbers people
// and bots separately (their place in the people and bot pools).

function createCrowd(segments) {
  const starts = [];
  let arrivals = 0;
  let people = 0;
  let bots = 0;
  for (const segment of segments) {
    starts.push({ arrivals, people, bots, segment });
    arrivals += segment.people + segment.bots;
    people += segment.people;
    bots += segment.bots;
  }
  let cursor = 0;

  /** The actor of arrival n (0-based, in arrival order); past the plan, an extra person. */
  function actorOf(n) {
    while (cursor + 1 < starts.length && n >= starts[cursor + 1].arrivals) cursor++;
    while (cursor > 0 && n < starts[cursor].arrivals) cursor--;
    const start = starts[cursor];
    if (start === undefined || n >= arrivals) return { actor: 'person', index: people + (n - arrivals) };
    const { segment } = start;
    const j = n - start.arrivals;
    const total = segment.people + segment.bots;
    const botsBefore = Math.floor((j * segment.bots) / total);
    const botsThrough = Math.floor(((j + 1) * segment.bots) / total);
    if (botsThrough > botsBefore) return { actor: 'bot', index: start.bots + botsBefore };
    return { actor: 'person', index: start.people + (j - botsBefore) };
  }

  return { actorOf, people, bots, arrivals };
}

module.exports = { createCrowd };
