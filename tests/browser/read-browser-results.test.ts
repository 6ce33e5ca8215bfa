// The browser people's JSON lines read back into the journeys the report shows.
import { describe, expect, it } from 'vitest';
import { parseBrowserResults } from '../../harness/browser/index.ts';

const end = (person: string, outcome: string) =>
  JSON.stringify({
    kind: 'end',
    person,
    outcome,
    queueShownMs: 900,
    admissionMs: 1200,
    movedOnByItself: true,
    confirmationMs: 3100,
    message: null,
    trace: null,
  });

describe('parseBrowserResults', () => {
  it('gives one journey per person in arrival order, with their screenshots and step timings', () => {
    const text = [
      '{"kind":"start","person":"browser-2","startedAt":"2026-01-01T00:00:00.000Z"}',
      '{"kind":"start","person":"browser-1","startedAt":"2026-01-01T00:00:00.250Z"}',
      '{"kind":"step","person":"browser-1","step":"open_login","ms":410,"atMs":410}',
      '{"kind":"shot","person":"browser-1","step":"login","file":"browser/browser-1/01-login.png","atMs":500}',
      end('browser-1', 'bought'),
      end('browser-2', 'sold_out'),
    ].join('\n');
    const { journeys, steps } = parseBrowserResults(text, 'unfinished');
    expect(journeys.map((journey) => [journey.person, journey.outcome])).toEqual([
      ['browser-2', 'sold_out'],
      ['browser-1', 'bought'],
    ]);
    expect(journeys[1]!.screenshots).toEqual([{ step: 'login', file: 'browser/browser-1/01-login.png', atMs: 500 }]);
    expect(steps).toEqual([{ person: 'browser-1', step: 'open_login', ms: 410, atMs: 410 }]);
  });

  it('turns a person without a result into an error saying why, and skips a line cut by a kill', () => {
    const text = [
      '{"kind":"start","person":"browser-1"}',
      '{"kind":"shot","person":"browser-1","step":"queue","file":"browser/browser-1/02-queue.png","atMs":1500}',
      '{"kind":"end","person":"browser-1","outcome":"bou',
    ].join('\n');
    const [journey] = parseBrowserResults(text, 'The run was stopped before this person finished.').journeys;
    expect(journey).toMatchObject({
      person: 'browser-1',
      outcome: 'error',
      message: 'The run was stopped before this person finished.',
      trace: null,
    });
    expect(journey!.screenshots.map((shot) => shot.step)).toEqual(['queue']);
  });

  it('refuses an outcome it does not know rather than passing it to the report', () => {
    const text = ['{"kind":"start","person":"browser-1"}', end('browser-1', 'teleported')].join('\n');
    expect(parseBrowserResults(text, 'no result').journeys[0]).toMatchObject({
      outcome: 'error',
      message: 'no result',
    });
  });
});
