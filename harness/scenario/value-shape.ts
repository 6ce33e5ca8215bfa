/**
 * A scenario value's size, measured without recursion: a value nested thousands deep (or a
 * TypeScript object that contains itself) is found and named before anything recursive — the
 * schema, JSON.stringify, a message — could overflow the stack on it.
 */

export interface ValueShapeProblem {
  readonly kind: 'too-deep' | 'too-many-values';
  /** Where it was found: the path of the first value past the limit. */
  readonly path: readonly (string | number)[];
}

/**
 * The first place where `value` nests deeper than `maxDepth` levels, or holds more than
 * `maxValues` values in all; null when it does neither. Depth-first with its own stack: O(values).
 */
export function findValueShapeProblem(value: unknown, maxDepth: number, maxValues: number): ValueShapeProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  let seen = 0;
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    seen += 1;
    if (seen > maxValues) return { kind: 'too-many-values', path };
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth) return { kind: 'too-deep', path };
    const keys = Array.isArray(current) ? null : Object.keys(current);
    if (seen + stack.length + (keys ?? (current as unknown[])).length > maxValues)
      return { kind: 'too-many-values', path };
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : keys!.map((key) => [key, (current as Record<string, unknown>)[key]]);
    // pushed in reverse, so the first key is looked at first and named first
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index]!;
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** `description.a.a.a…` — a long path cut after its first `keep` parts. */
export function showPath(path: readonly (string | number)[], keep = 6): string {
  if (path.length === 0) return '(root)';
  const shown = path.slice(0, keep).map(String).join('.');
  return path.length > keep ? `${shown}… (${path.length} levels)` : shown;
}
