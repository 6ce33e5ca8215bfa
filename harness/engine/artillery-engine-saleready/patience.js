'use strict';
// Random draws of the journey: a person's patience (inverse transform for the exponential,
// Box–Muller for the lognormal) and the crowd's arrival order.

/** One draw of a person's patience, ms of run time; `infinite` never runs out. */
function drawPatienceMs(patience, random = Math.random) {
  switch (patience.kind) {
    case 'exponential':
      return -patience.meanMs * Math.log(1 - random());
    case 'lognormal': {
      const u1 = 1 - random();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
      return patience.medianMs * Math.exp(patience.sigma * z);
    }
    case 'infinite':
      return Infinity;
    default:
      return patience.ms;
  }
}

module.exports = { drawPatienceMs };
