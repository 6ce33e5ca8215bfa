/**
 * Validates a scenario value (from TypeScript, YAML or JSON) and fills in defaults. A bad
 * scenario is a UsageError with one line per problem, naming the field, the bad value and
 * what is allowed: `✖ must be a whole number greater than 0 (got 0) → at crowd.people`.
 */
import { UsageError, describeZodIssues } from '../errors.ts';
import { scenarioSchema, type Scenario } from './scenario-schema.ts';

/** The value at `path` inside `root`, or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Parses and validates a scenario; `source` names the file in messages. */
export function parseScenario(value: unknown, source?: string): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys' || issue.code === 'custom') return issue;
    const bad = valueAt(value, issue.path);
    return { ...issue, message: `${issue.message} (got ${show(bad)})` };
  });
  throw new UsageError(
    'SCENARIO_INVALID',
    describeZodIssues(issues, `${source ?? 'The scenario'} is not valid`),
    ['docs/SCENARIOS.md lists every field, its unit and what it allows.'],
  );
}
