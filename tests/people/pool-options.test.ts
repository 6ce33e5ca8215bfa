import { describe, expect, it } from 'vitest';
import { parsePoolOptions } from '../../harness/people/index.ts';
import { ExitCode, UsageError } from '../../harness/errors.ts';
import { thrownBy } from '../helpers/thrown.ts';

const usageErrorOf = (raw: Record<string, unknown>): UsageError => thrownBy(() => parsePoolOptions(raw));

describe('parsePoolOptions', () => {
  it('reads flag strings as commander hands them over and fills in the defaults', () => {
    expect(parsePoolOptions({ people: '1_000', seed: '42' })).toEqual({
      people: 1000,
      seed: 42,
      botShare: 0,
      ringSize: 5,
      locale: 'ko',
    });
    expect(
      parsePoolOptions({ people: 10, seed: 0, botShare: '0.25', ringSize: '3', locale: 'en', out: 'pool.json' }),
    ).toEqual({
      people: 10,
      seed: 0,
      botShare: 0.25,
      ringSize: 3,
      locale: 'en',
      out: 'pool.json',
    });
  });

  it.each([
    [{ people: '10', seed: '1', botShare: '1.5' }, '--bot-share must be a number between 0 and 1, got "1.5"'],
    [{ people: '10', seed: '1', botShare: 'lots' }, '--bot-share must be a number between 0 and 1, got "lots"'],
    [{ people: '0', seed: '1' }, '--people must be a whole number from 1 to 10,000,000, got "0"'],
    [{ people: '2.5', seed: '1' }, '--people must be a whole number from 1 to 10,000,000, got "2.5"'],
    [{ people: '10', seed: '-1' }, '--seed must be a whole number from 0 to 4,294,967,295, got "-1"'],
    [{ people: '10', seed: '1', ringSize: '0' }, '--ring-size must be a whole number from 1 to 10,000, got "0"'],
    [{ people: '10', seed: '1', locale: 'fr' }, '--locale must be one of ko, en, got "fr"'],
    [{ people: '10', seed: '1', out: '' }, '--out must be a file path, got ""'],
    [{ seed: '1' }, '--people is required'],
    [{ people: '10' }, '--seed is required'],
  ])('refuses %o naming the flag', (raw, message) => {
    const error = usageErrorOf(raw);
    expect(error.message).toContain(message);
    expect(error.exitCode).toBe(ExitCode.usage);
  });
});
