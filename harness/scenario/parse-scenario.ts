/**
 * Validates a scenario value (from TypeScript, YAML or JSON) and fills in defaults. A bad
 * scenario is a UsageError with one line per problem, naming the field, the bad value and
 * what is allowed: `✖ must be a whole number greater than 0 (got 0) → at crowd.people`.
 */
import { UsageError, describeZodIssues, withGivenValues } from '../errors.ts';
import { scenarioSchema, type Scenario } from './scenario-schema.ts';

/** Parses and validates a scenario; `source` names the file in messages. */
export function parseScenario(value: unknown, source?: string): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = withGivenValues(result.error.issues, value);
  throw new UsageError(
    'scenario.invalid',
    describeZodIssues(issues, `${source ?? 'The scenario'} is not valid`),
    ['docs/SCENARIOS.md lists every field, its unit and what it allows.'],
  );
}
