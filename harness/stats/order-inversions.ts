/**
 * Fairness of a first-come queue: how far the order of admission departed from the order of
 * arrival. A pair of people is inverted when one joined clearly earlier (by more than
 * `toleranceMs`) yet was admitted clearly later (by more than `toleranceMs`); the tolerance
 * absorbs what polling hides (an admission is only seen at the next poll).
 * Method: sort by join time, sweep with two pointers, and count in a Fenwick tree over
 * admission ranks — the Kendall-distance count with a dead band (Kendall 1938). O(n log n).
 */
export interface OrderSample {
  readonly joinedAtMs: number;
  readonly admittedAtMs: number;
}

export interface OrderInversions {
  readonly people: number;
  /** Pairs (earlier joiner, later joiner) whose admission order was reversed. */
  readonly invertedPairs: number;
  /** invertedPairs over the pairs whose join times differ by more than the tolerance. */
  readonly invertedShare: number;
  /** People admitted after at least one person who joined clearly after them. */
  readonly peopleOvertaken: number;
  /** Most people who joined after one person and were admitted before them. */
  readonly maxOvertakenBy: number;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function upperBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function countOrderInversions(samples: readonly OrderSample[], toleranceMs = 0): OrderInversions {
  const n = samples.length;
  const byJoin = [...samples].sort((a, b) => a.joinedAtMs - b.joinedAtMs);
  const admits = Float64Array.from(byJoin, (s) => s.admittedAtMs).sort();
  // Fenwick tree over admission ranks of people already "clearly earlier".
  const tree = new Int32Array(n + 1);
  const add = (rank: number): void => {
    for (let i = rank + 1; i <= n; i += i & -i) tree[i] = (tree[i] as number) + 1;
  };
  const prefix = (rank: number): number => {
    let sum = 0;
    for (let i = rank; i > 0; i -= i & -i) sum += tree[i] as number;
    return sum;
  };
  const overtaken = new Int32Array(n);
  let inserted = 0;
  let inverted = 0;
  let comparable = 0;
  let earlier = 0;
  for (let j = 0; j < n; j++) {
    const later = byJoin[j] as OrderSample;
    while (earlier < j && (byJoin[earlier] as OrderSample).joinedAtMs < later.joinedAtMs - toleranceMs) {
      add(lowerBound(admits, (byJoin[earlier] as OrderSample).admittedAtMs));
      inserted += 1;
      earlier += 1;
    }
    comparable += inserted;
    // Earlier joiners admitted more than `toleranceMs` after this later joiner.
    inverted += inserted - prefix(upperBound(admits, later.admittedAtMs + toleranceMs));
  }
  // Per person: how many clearly later joiners were admitted clearly before them (mirror sweep).
  const treeLater = new Int32Array(n + 1);
  const addLater = (rank: number): void => {
    for (let i = rank + 1; i <= n; i += i & -i) treeLater[i] = (treeLater[i] as number) + 1;
  };
  const prefixLater = (rank: number): number => {
    let sum = 0;
    for (let i = rank; i > 0; i -= i & -i) sum += treeLater[i] as number;
    return sum;
  };
  let laterPointer = n - 1;
  for (let i = n - 1; i >= 0; i--) {
    const person = byJoin[i] as OrderSample;
    while (laterPointer > i && (byJoin[laterPointer] as OrderSample).joinedAtMs > person.joinedAtMs + toleranceMs) {
      addLater(lowerBound(admits, (byJoin[laterPointer] as OrderSample).admittedAtMs));
      laterPointer -= 1;
    }
    // Later joiners admitted before (admission < this person's admission − tolerance).
    overtaken[i] = prefixLater(lowerBound(admits, person.admittedAtMs - toleranceMs));
  }
  let peopleOvertaken = 0;
  let maxOvertakenBy = 0;
  for (const count of overtaken) {
    if (count > 0) peopleOvertaken += 1;
    if (count > maxOvertakenBy) maxOvertakenBy = count;
  }
  return {
    people: n,
    invertedPairs: inverted,
    invertedShare: comparable === 0 ? 0 : inverted / comparable,
    peopleOvertaken,
    maxOvertakenBy,
  };
}
