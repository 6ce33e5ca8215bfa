/**
 * No `Math.max(...values)` or `Math.min(...values)` in the harness (issue 12, Medium 8): a
 * spread passes every value as an argument, and past ~120,000 of them (a long capacity CSV,
 * a long run's seconds) V8 throws "Maximum call stack size exceeded". Loops and reduce do not.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const harness = join(import.meta.dirname, '..', 'harness');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** Each `Math.max(` / `Math.min(` whose own arguments (not nested calls) hold a spread. */
function spreadExtremes(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/Math\.(max|min)\(/g)) {
    let depth = 1;
    for (let i = match.index + match[0].length; i < text.length && depth > 0; i++) {
      const char = text[i];
      if (char === '(' || char === '[' || char === '{') depth++;
      else if (char === ')' || char === ']' || char === '}') depth--;
      else if (depth === 1 && text.startsWith('...', i)) {
        found.push(text.slice(match.index, text.indexOf('\n', match.index)).trim());
        break;
      }
    }
  }
  return found;
}

describe('the harness never spreads an array into Math.max or Math.min', () => {
  it('finds the pattern when it is there (the check can fail)', () => {
    expect(spreadExtremes('const a = Math.max(...points.map((p) => p.x));')).toHaveLength(1);
    expect(spreadExtremes('const a = Math.max(0, ...rest);')).toHaveLength(1);
    expect(spreadExtremes('const a = Math.max(f(...args), 2);')).toHaveLength(0);
  });

  it('holds in every source file', () => {
    const offenders = sources(harness).flatMap((path) =>
      spreadExtremes(readFileSync(path, 'utf8')).map((line) => `${path.slice(harness.length + 1)}: ${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
