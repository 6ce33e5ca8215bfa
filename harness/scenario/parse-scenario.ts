/**
 * Validates a scenario value (from TypeScript, YAML or JSON) and fills in defaults. A bad
 * scenario is a UsageError with one line per problem, naming the field, the bad value and
 * what is allowed: `✖ must be a whole number greater than 0 (got 0) → at crowd.people`.
 * A value nested too deep (or too large) is refused first, by a check that does not recurse,
 * so nothing later can overflow the stack on it.
 */
import type { z } from 'zod';
import { UsageError, describeZodIssues, valueAt } from '../errors.ts';
import { SCENARIO_LIMITS } from './scenario-limits.ts';
import { scenarioSchema, type Scenario } from './scenario-schema.ts';
import { findValueShapeProblem, showPath } from './value-shape.ts';

const HINT = 'docs/SCENARIOS.md lists every field, its unit and what it allows.';
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

type Issue = z.core.$ZodIssue;
interface Problem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Text from the input, safe in a one-line terminal message: control characters escaped, cut at `max`. */
function showText(text: string, max = 60): string {
  const escaped = JSON.stringify(text).replace(
    CONTROL_CHARACTERS,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > max ? `${escaped.slice(0, max - 2)}…"` : escaped;
}

/** A bad value as a person reads it: `0`, `"weibull"`, `.nan (not a number)`, `Infinity`, `{"a":1}`. */
function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : String(value);
  if (typeof value === 'string') return showText(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return String(value);
  const text = (
    JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'number' && !Number.isFinite(item) ? String(item) : item,
    ) ?? ''
  ).replace(CONTROL_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** zod's type names as a person says them. */
function typeNoun(expected: string): string {
  const nouns: Record<string, string> = {
    object: 'a section',
    number: 'a number',
    int: 'a whole number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
  };
  return nouns[expected] ?? expected;
}

/** A field name from the input, made safe for a message. */
function safeKey(key: PropertyKey): string {
  const text = String(key);
  return CONTROL_CHARACTERS.test(text) || text.length > 40 ? showText(text, 42) : text;
}

/** One issue as one or more lines for a person (a union descends into the branch that came closest). */
function describeIssue(issue: Issue, input: unknown, prefix: readonly PropertyKey[] = []): Problem[] {
  const path = [...prefix, ...issue.path];
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [{ path, message: `required but missing (${typeNoun(issue.expected)})` }];
      return [{ path, message: `must be ${typeNoun(issue.expected)} (got ${showValue(value)})` }];
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 5).map((key) => showText(key, 42));
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
      return [{ path, message: `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${keys.join(', ')}${more}` }];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        const options = ((issue as { options?: unknown[] }).options ?? [])
          .map((option) => `'${String(option)}'`)
          .join(' | ');
        return value === undefined
          ? [{ path, message: `required but missing (one of ${options})` }]
          : [{ path, message: `${issue.message} (got ${showValue(value)})` }];
      }
      // A section given where a choice or a section is allowed: say what is wrong inside it.
      const inside = issue.errors.find((branch) =>
        branch.some((nested) => nested.path.length > 0 || nested.code === 'unrecognized_keys'),
      );
      if (inside && value !== null && typeof value === 'object')
        return inside.flatMap((nested) => describeIssue(nested, input, path));
      const choices = issue.errors.flatMap((branch) =>
        branch
          .slice(0, 1)
          .map((nested) =>
            nested.code === 'invalid_value'
              ? nested.values.map((option) => JSON.stringify(option)).join(', ')
              : nested.code === 'invalid_type'
                ? typeNoun(nested.expected)
                : nested.message,
          ),
      );
      return [{ path, message: `must be ${choices.join(', or ')} (got ${showValue(value)})` }];
    }
    case 'custom':
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: `${issue.message} (got ${showValue(value)})` }];
  }
}

/** Parses and validates a scenario; `source` names the file in messages. */
export function parseScenario(value: unknown, source?: string): Scenario {
  const where = `${source ?? 'The scenario'} is not valid`;
  if (value === null || value === undefined)
    throw new UsageError(
      'scenario.invalid',
      `${source ?? 'The scenario'} is empty: a scenario needs at least a name, a sale and a crowd`,
      [HINT],
    );
  const shape = findValueShapeProblem(value, SCENARIO_LIMITS.maxDepth, SCENARIO_LIMITS.maxValues);
  if (shape?.kind === 'too-deep') {
    const message = `nests values more than ${SCENARIO_LIMITS.maxDepth} levels deep (a scenario needs 6) → at ${showPath(shape.path.map(safeKey))}`;
    throw new UsageError('scenario.too-deep', `${where}:\n✖ ${message}`, [HINT]);
  }
  if (shape?.kind === 'too-many-values') {
    const message = `holds more than ${SCENARIO_LIMITS.maxValues.toLocaleString('en')} values (a scenario needs about 100) → at ${showPath(shape.path.map(safeKey))}`;
    throw new UsageError('scenario.too-large', `${where}:\n✖ ${message}`, [HINT]);
  }
  const result = scenarioSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .flatMap((issue) => describeIssue(issue, value))
    .map((problem) => ({ ...problem, path: problem.path.map(safeKey) }));
  throw new UsageError('scenario.invalid', describeZodIssues(problems, where), [HINT]);
}
