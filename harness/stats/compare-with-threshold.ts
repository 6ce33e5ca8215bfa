import type { Comparator } from './target-verdict.ts';

/** `value op threshold`, e.g. compareWithThreshold(750, '<', 800) → true. Exact for '=='. */
export function compareWithThreshold(value: number, op: Comparator, threshold: number): boolean {
  switch (op) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '==':
      return value === threshold;
  }
}
