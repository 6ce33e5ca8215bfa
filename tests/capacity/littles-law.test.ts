import { describe, expect, it } from 'vitest';
import { littlesLawConcurrency, littlesLawRate, littlesLawTime } from '../../harness/capacity/index.ts';

describe("Little's law", () => {
  it('holds 100 people per minute × 5-minute sessions = 500 active (REFERENCES.md, rate-based rooms)', () => {
    expect(littlesLawConcurrency(100, 5)).toBe(500);
    expect(littlesLawRate(500, 5)).toBe(100);
    expect(littlesLawTime(500, 100)).toBe(5);
  });

  it('rejects a zero time or rate where it divides, naming the argument', () => {
    expect(() => littlesLawRate(500, 0)).toThrow(/meanTimeInSystem must be greater than 0, got 0/);
    expect(() => littlesLawTime(500, -1)).toThrow(/arrivalRate/);
  });
});
