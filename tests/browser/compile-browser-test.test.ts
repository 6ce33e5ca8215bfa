// The browser test's phases put the first person at the opening, one spacing apart after it,
// and the test parses as the YAML Artillery reads.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHROMIUM_START_MS, compileBrowserTest, planBrowserArrivals } from '../../harness/browser/index.ts';

const options = {
  targetUrl: 'http://127.0.0.1:4000',
  people: 4,
  chromiumPath: '/usr/bin/chromium',
  firstArrivalMs: 12_000,
  arrivalSpacingMs: 250,
  maxQueueMs: 60_000,
  stepTimeoutMs: 30_000,
  personPrefix: 'browser',
};

interface Phase {
  readonly name: string;
  readonly arrivalCount?: number;
  readonly pause?: number | string;
  readonly duration?: number | string;
}

/** Artillery's reading of a duration: whole numbers are seconds, strings go through `ms`. */
const toMs = (value: number | string | undefined): number =>
  typeof value === 'number' ? value * 1000 : Number(/^(\d+)ms$/.exec(value ?? '')?.[1]);

describe('compileBrowserTest', () => {
  it('starts Chromium first, pauses until the opening, then sends the people one spacing apart from it', () => {
    const test = parse(compileBrowserTest(options)) as {
      config: { phases: Phase[]; target: string; processor: string };
    };
    const [warmUp, pause, people] = test.config.phases;
    expect(warmUp).toMatchObject({ name: 'start Chromium', arrivalCount: 1 });
    expect(people).toMatchObject({ name: 'people arrive at the opening', arrivalCount: 4 });
    // arrivalCount's first arrival comes one interval (duration / count) after its phase starts
    const firstArrival = toMs(warmUp!.duration) + toMs(pause!.pause) + toMs(people!.duration) / 4;
    expect(firstArrival).toBe(12_000);
    expect(toMs(people!.duration)).toBe(1000);
    expect(test.config).toMatchObject({ target: 'http://127.0.0.1:4000', processor: './browsers-processor.mjs' });
  });

  it('never lets people arrive before Chromium had time to start, and leaves out an empty pause', () => {
    expect(planBrowserArrivals({ people: 2, firstArrivalMs: 0, arrivalSpacingMs: 250 }).firstArrivalMs).toBe(
      CHROMIUM_START_MS,
    );
    const test = parse(compileBrowserTest({ ...options, firstArrivalMs: 0, arrivalSpacingMs: 1900 })) as {
      config: { phases: Phase[] };
    };
    expect(test.config.phases.map((phase) => phase.name)).toEqual(['start Chromium', 'people arrive at the opening']);
  });

  it('writes what a person typed as quoted values, never as YAML structure', () => {
    const test = parse(compileBrowserTest({ ...options, personPrefix: 'x"\n  evil: 1' })) as {
      config: { variables: Record<string, unknown> };
    };
    expect(test.config.variables.personPrefix).toBe('x"\n  evil: 1');
    expect(test.config.variables).not.toHaveProperty('evil');
  });
});
