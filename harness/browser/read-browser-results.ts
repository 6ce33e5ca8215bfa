/**
 * Reads the browser people's JSON lines (runtime/browser-person.mjs) back into journeys: one
 * per person who started, in arrival order. A person with no `end` line (the run was stopped,
 * or Artillery died) is an `error` journey with what was recorded until then. Lines that do
 * not parse (a line cut by a kill) are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  failedJourney,
  type BrowserJourneyResult,
  type BrowserStepShot,
  type BrowserStepTiming,
} from './browser-journey.ts';

const ms = z.number().nonnegative();
const nullableMs = ms.nullable();
const lineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start'), person: z.string() }),
  z.object({ kind: z.literal('step'), person: z.string(), step: z.string(), ms, atMs: ms }),
  z.object({ kind: z.literal('shot'), person: z.string(), step: z.string(), file: z.string(), atMs: ms }),
  z.object({
    kind: z.literal('end'),
    person: z.string(),
    outcome: z.enum([
      'bought',
      'sold_out',
      'limit_reached',
      'session_expired',
      'lost_place',
      'stuck_in_queue',
      'error',
    ]),
    queueShownMs: nullableMs,
    admissionMs: nullableMs,
    movedOnByItself: z.boolean(),
    confirmationMs: nullableMs,
    message: z.string().nullable(),
    trace: z.string().nullable(),
  }),
]);

export interface BrowserResults {
  readonly journeys: readonly BrowserJourneyResult[];
  readonly steps: readonly BrowserStepTiming[];
}

/** `unfinished`: the message for people who started but have no result. */
export function parseBrowserResults(text: string, unfinished: string): BrowserResults {
  const started: string[] = [];
  const shots = new Map<string, BrowserStepShot[]>();
  const ends = new Map<string, Omit<BrowserJourneyResult, 'screenshots'>>();
  const steps: BrowserStepTiming[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      continue;
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) continue;
    const line = parsed.data;
    if (line.kind === 'start') {
      if (!started.includes(line.person)) started.push(line.person);
    } else if (line.kind === 'step') {
      steps.push({ person: line.person, step: line.step, ms: line.ms, atMs: line.atMs });
    } else if (line.kind === 'shot') {
      const list = shots.get(line.person) ?? [];
      list.push({ step: line.step, file: line.file, atMs: line.atMs });
      shots.set(line.person, list);
    } else {
      const { kind: _kind, ...result } = line;
      ends.set(line.person, result);
    }
  }
  const journeys = started.map((person): BrowserJourneyResult => {
    const screenshots = shots.get(person) ?? [];
    const end = ends.get(person);
    return end ? { ...end, screenshots } : failedJourney(person, unfinished, screenshots);
  });
  return { journeys, steps };
}

export function readBrowserResults(path: string, unfinished: string): BrowserResults {
  return existsSync(path) ? parseBrowserResults(readFileSync(path, 'utf8'), unfinished) : { journeys: [], steps: [] };
}
