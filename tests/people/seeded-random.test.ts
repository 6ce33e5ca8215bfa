import { describe, expect, it } from 'vitest';
import { createPermutation } from '../../harness/people/seeded-random.ts';

describe('createPermutation', () => {
  it.each([1, 2, 7, 1000, 1025, 65_536])('is a bijection of [0, %i)', (size) => {
    const permute = createPermutation(size, 12345);
    const values = Array.from({ length: size }, (_, index) => permute(index));
    expect(values.every((value) => Number.isInteger(value) && value >= 0 && value < size)).toBe(true);
    expect(new Set(values).size).toBe(size);
  });

  it('depends on the seed', () => {
    const first = Array.from({ length: 100 }, (_, index) => createPermutation(1000, 1)(index));
    const second = Array.from({ length: 100 }, (_, index) => createPermutation(1000, 2)(index));
    expect(second).not.toEqual(first);
  });
});
