import { describe, expect, it } from 'vitest';
import { summarizeVerdicts } from '../../harness/stats/summarize-verdicts.ts';

const pass = { verdict: 'pass' } as const;
const fail = { verdict: 'fail' } as const;
const inconclusive = { verdict: 'inconclusive' } as const;

describe('summarizeVerdicts', () => {
  it('is pass when every target passed', () => {
    expect(summarizeVerdicts([pass, pass])).toBe('pass');
  });
  it('is fail when any target failed, even beside inconclusive ones', () => {
    expect(summarizeVerdicts([pass, fail])).toBe('fail');
    expect(summarizeVerdicts([inconclusive, fail, pass])).toBe('fail');
  });
  it('is inconclusive when any is inconclusive and none failed', () => {
    expect(summarizeVerdicts([pass, inconclusive])).toBe('inconclusive');
  });
  it('is inconclusive with no targets: nothing was checked', () => {
    expect(summarizeVerdicts([])).toBe('inconclusive');
  });
});
