import type { ScenarioInput } from './scenario-schema.ts';

/**
 * Declares a scenario in TypeScript with editor help. It returns its argument unchanged;
 * `loadScenario` validates it with the same schema as YAML and JSON scenarios.
 */
export function defineScenario<const T extends ScenarioInput>(scenario: T): T {
  return scenario;
}
