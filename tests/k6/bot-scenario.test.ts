/**
 * The k6 scenario `bots` as real k6 reads it (`k6 inspect`): its own executor starting at
 * the opening, one VU per bot account, the bot journey written beside the script, and the
 * counting thresholds that put per-actor and queue-skipping counts in k6's summary.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { inspectCompiled, removeInspectFolders } from '../helpers/k6-inspect.ts';
import { compileScenario } from '../../harness/k6/index.ts';
import { loadScenario, parseScenario, planRun } from '../../harness/scenario/index.ts';

afterAll(removeInspectFolders);
const inspect = inspectCompiled;

describe('compileScenario with bots', () => {
  it('adds a bots scenario that starts at the opening with one VU per bot account', async () => {
    const plan = planRun(await loadScenario('scenarios/bot-storm.ts'), { targetUrl: 'http://127.0.0.1:9' });
    const compiled = compileScenario(plan);
    expect(Object.keys(compiled.files)).toEqual(['journey.js', 'bot-journey.js', 'shop-config.json']);
    expect(compiled.script).toContain("import { createBotJourney } from './bot-journey.js';");
    expect(compiled.script).toContain('export function bot() {');
    expect(compiled.script).toContain('// Bots: 30 bot accounts in 6 ring(s) of up to 5, each ring buying to one address.');
    const options = await inspect(compiled);
    expect(options.scenarios.bots).toMatchObject({ executor: 'per-vu-iterations', exec: 'bot', vus: 30, iterations: 1, startTime: '4.5s' });
    expect(options.scenarios.people.exec).toBe('person');
    expect(options.thresholds['sr_bypass_attempts{kind:replayed_token,result:let_through}']).toEqual(['count>=0']);
    expect(options.thresholds['sr_outcome{actor:bot,outcome:bought}']).toEqual(['count>=0']);
    expect(options.thresholds['http_reqs{actor:bot,step:checkout,status:200}']).toEqual(['count>=0']);
    // the bots target: at most half of the 25 units (⌊12.5⌋)
    expect(options.thresholds['sr_units_bought{actor:bot}']).toEqual(['count<=12']);
  });

  it('leaves a scenario without bots as it was: one k6 scenario, no bot journey', () => {
    const plan = planRun(parseScenario({
      name: 'no-bots',
      sale: { stock: 10 },
      crowd: { people: 20, arrivals: { burst: { share: 1, durationMinutes: 1 }, tail: { durationMinutes: 0 } }, patience: { kind: 'fixed', minutes: 1 } },
    }));
    const compiled = compileScenario(plan);
    expect(Object.keys(compiled.options.scenarios as object)).toEqual(['people']);
    expect(Object.keys(compiled.files)).toEqual(['journey.js', 'shop-config.json']);
    expect(compiled.script).not.toContain('bot-journey');
  });
});
