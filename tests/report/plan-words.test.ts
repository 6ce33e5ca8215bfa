import { describe, expect, it } from 'vitest';
import { duration } from '../../harness/report/plan-words.ts';

describe('duration words', () => {
  it('says durations as people do, in both languages', () => {
    expect(duration(160, 'en')).toBe('2 h 40 min');
    expect(duration(160, 'ko')).toBe('2시간 40분');
    expect(duration(5.925, 'en')).toBe('5 min 56 s');
    expect(duration(0.5, 'ko')).toBe('30초');
  });
});
