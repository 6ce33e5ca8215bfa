import { describe, expect, it } from 'vitest';
import { FenwickCounter } from '../../harness/shop/fenwick-counter.ts';
import { createMulberry32 as createPrng } from '../../harness/stats/index.ts';

describe('FenwickCounter', () => {
  it('counts set flags up to each position, as a plain scan does, through sets, clears and growth', () => {
    const counter = new FenwickCounter(4);
    const flags = new Uint8Array(5001);
    const random = createPrng(3);
    for (let step = 0; step < 20_000; step += 1) {
      const position = 1 + Math.floor(random() * 5000);
      if (random() < 0.6) {
        counter.set(position);
        flags[position] = 1;
      } else {
        counter.clear(position);
        flags[position] = 0;
      }
    }
    let running = 0;
    for (let position = 1; position <= 5000; position += 1) {
      running += flags[position] ?? 0;
      if (position % 97 === 0 || position === 5000) expect(counter.countUpTo(position)).toBe(running);
    }
    expect(counter.total).toBe(running);
  });

  it('ignores a second set or clear of the same position and a clear past its capacity', () => {
    const counter = new FenwickCounter(8);
    counter.set(3);
    counter.set(3);
    counter.clear(100);
    expect(counter.total).toBe(1);
    expect(counter.countUpTo(2)).toBe(0);
    expect(counter.countUpTo(1000)).toBe(1);
    counter.clear(3);
    counter.clear(3);
    expect(counter.total).toBe(0);
  });
});
