/**
 * The scenario format: one zod schema for scenarios written in TypeScript
 * (`defineScenario`), YAML or JSON. All durations are in sale time (what a person lives
 * through); `planRun` divides them by the time scale. docs/SCENARIOS.md explains each field.
 * Every number has an upper bound (SCENARIO_LIMITS), so an absurd value is refused here,
 * naming its field, and never reaches a plan, a run folder or the engine.
 */
import { z } from 'zod';
import { botCountOf, botsSchema } from './bots-schema.ts';
import { patienceP99Ms, scalePatience } from './patience.ts';
import { SCENARIO_LIMITS } from './scenario-limits.ts';
import { shopSettingsSchema } from './shop-settings-schema.ts';
import { targetUrlProblem } from './target-url.ts';

const { maxMinutes, maxSeconds, maxPeople, maxUnitsPerPerson, maxLatencyMs, maxTextLength } = SCENARIO_LIMITS;
const WEEK = 'one week';
const positive = (unit: string, max: number, maxText: string) =>
  z
    .number()
    .positive(`must be ${unit} greater than 0`)
    .max(max, `must be at most ${max.toLocaleString('en')} (${maxText})`);
const nonNegative = (unit: string, max: number, maxText: string) =>
  z
    .number()
    .min(0, `must be ${unit} of 0 or more`)
    .max(max, `must be at most ${max.toLocaleString('en')} (${maxText})`);
const minutes = positive('a number of minutes', maxMinutes, WEEK);
const seconds = positive('a number of seconds', maxSeconds, 'one day');
const wholePositive = (max: number, maxText: string) =>
  z
    .int('must be a whole number')
    .positive('must be a whole number greater than 0')
    .max(max, `must be at most ${max.toLocaleString('en')} ${maxText}`);
const share = z.number().min(0, 'must be a share between 0 and 1').max(1, 'must be a share between 0 and 1');

/** Journey steps that carry the `step` tag (docs/METRICS.md). */
import { JOURNEY_STEPS, type JourneyStep } from '../vocabulary.ts';

export { JOURNEY_STEPS, type JourneyStep };

const percentiles = (value: z.ZodNumber) =>
  z
    .strictObject({
      p50: value.optional(),
      p90: value.optional(),
      p95: value.optional(),
      p99: value.optional(),
      max: value.optional(),
    })
    .refine((value) => Object.keys(value).length > 0, 'must name at least one of p50, p90, p95, p99, max');

/** How long a person waits in the queue before giving up, in sale-time minutes. */
export const patienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exponential'), meanMinutes: minutes }),
  z.strictObject({
    kind: z.literal('lognormal'),
    medianMinutes: minutes,
    sigma: positive('a spread (σ of the log)', 5, 'the slowest 1% would wait over 100,000 times the median'),
  }),
  z.strictObject({ kind: z.literal('fixed'), minutes }),
]);
export type Patience = z.infer<typeof patienceSchema>;

const arrivalsSchema = z
  .strictObject({
    /** People who come before opening: they log in early and wait for the sale to open. */
    early: z
      .strictObject({ share, windowMinutes: nonNegative('a number of minutes', maxMinutes, WEEK) })
      .prefault({ share: 0, windowMinutes: 0 }),
    /** The rush at opening. */
    burst: z.strictObject({ share, durationMinutes: minutes }),
    /** Everyone else, spread evenly after the burst. */
    tail: z.strictObject({ durationMinutes: nonNegative('a number of minutes', maxMinutes, WEEK) }),
  })
  .superRefine((arrivals, ctx) => {
    const total = arrivals.early.share + arrivals.burst.share;
    if (total > 1 + 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['burst', 'share'],
        message: `early.share + burst.share must be at most 1 (the tail takes the rest), got ${Number(total.toFixed(6))}`,
      });
    }
    if (arrivals.early.share > 0 && arrivals.early.windowMinutes === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['early', 'windowMinutes'],
        message: 'must be greater than 0 when early.share is above 0',
      });
    }
    if (total < 1 - 1e-9 && arrivals.tail.durationMinutes === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tail', 'durationMinutes'],
        message: `must be greater than 0: the tail brings the remaining ${Number((1 - total).toFixed(6))} of the people`,
      });
    }
  });

const behaviourSchema = z.strictObject({
  /** A waiting person asks for their place this often (sale time). */
  pollIntervalSeconds: seconds.default(30),
  /** Chance, per poll, that the person reloads the page (an extra join call). */
  refreshChance: share.default(0),
  /** Chance that a person opens a second tab (one extra join call after joining). */
  secondTabChance: share.default(0),
  /** Chance that a person's phone falls asleep once while waiting: no polls for `sleepSeconds`. */
  sleepChance: share.default(0),
  /** How long a phone sleeps (sale time); default 1.5 × the shop's ticket validity, so the ticket expires. */
  sleepSeconds: seconds.optional(),
  /** Time a person spends on each of product, cart and checkout (sale time). */
  thinkSeconds: nonNegative('a number of seconds', maxSeconds, 'one day').default(3),
  /** Units a person tries to buy. */
  quantity: wholePositive(maxUnitsPerPerson, 'units').default(1),
  /** On a lost place: everyone `rejoin`s at the back, everyone `leave`s, or `{ rejoin: share }` of people rejoin. */
  onTicketExpired: z.union([z.enum(['rejoin', 'leave']), z.strictObject({ rejoin: share })]).default('rejoin'),
  /** When logged out while waiting: everyone `relogin`s, everyone `leave`s, or `{ relogin: share }` of people log in again. */
  onSessionExpired: z.union([z.enum(['relogin', 'leave']), z.strictObject({ relogin: share })]).default('relogin'),
  /** Retries of a request answered 5xx or not at all, before the person ends with `error`. */
  retryOnError: z.int('must be a whole number').min(0, 'must be 0 or more').max(20, 'must be at most 20').default(2),
});

const targetsSchema = z.strictObject({
  /** Latency percentiles per journey step, in ms: `{ checkout: { p95: 800 } }`. */
  latency: z
    .partialRecord(z.enum(JOURNEY_STEPS), percentiles(positive('a number of ms', maxLatencyMs, 'one hour')))
    .optional(),
  /** Highest share of failed requests (http_req_failed). */
  errorRate: share.optional(),
  /** Queue wait from first join to admission, in sale-time minutes. */
  queueWaitMinutes: percentiles(minutes).optional(),
  /** Lowest share of people who bought, and/or of stock sold. */
  servedShare: z
    .strictObject({ people: share.optional(), stock: share.optional() })
    .refine((value) => value.people !== undefined || value.stock !== undefined, 'must name people and/or stock')
    .optional(),
  /** Highest share of the stock that bot accounts may buy. */
  bots: z.strictObject({ maxStockShare: share }).optional(),
  /** Units sold beyond stock: the only allowed value is 0. */
  oversold: z.literal(0, 'must be 0: overselling is never acceptable').optional(),
});

export const scenarioSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes (it names the run folder)'),
    description: z.string().max(maxTextLength, `must be at most ${maxTextLength} characters`).optional(),
    target: z
      .strictObject({
        /** A shop to load instead of the embedded one (loopback unless --allow-remote). */
        url: z
          .string()
          .max(maxTextLength, `must be at most ${maxTextLength} characters`)
          .superRefine((url, ctx) => {
            const problem = targetUrlProblem(url);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          })
          .optional(),
        /** Settings for the embedded shop, sale time. */
        shop: shopSettingsSchema.optional(),
      })
      .prefault({}),
    sale: z.strictObject({
      stock: wholePositive(maxPeople, 'units'),
      perPersonLimit: wholePositive(maxUnitsPerPerson, 'units per person').default(1),
      perAddressLimit: wholePositive(maxUnitsPerPerson, 'units per address').default(2),
      /** How long the sale stays open after opening; people still waiting then give up. */
      durationMinutes: minutes.optional(),
    }),
    crowd: z.strictObject({
      people: wholePositive(maxPeople, 'people'),
      arrivals: arrivalsSchema,
      patience: patienceSchema,
    }),
    behaviour: behaviourSchema.prefault({}),
    /** Bot accounts besides the people: a burst at opening, rings sharing an address, queue skipping. */
    bots: botsSchema.optional(),
    /** Real browsers (Playwright) that walk the journey beside the crowd; not scaled by k. */
    browsers: z.int('must be a whole number').min(0, 'must be 0 or more').max(50, 'must be at most 50').default(0),
    /** Synthetic probes beside the crowd (passed to the run as RunPlan.probes). */
    probes: z.boolean().default(false),
    /** Time compression k: people, stock and every duration divide by k; request rates stay. */
    timeScale: z.number().min(1, 'must be 1 (real time) or more').max(3600, 'must be at most 3600').default(1),
    targets: targetsSchema.prefault({}),
  })
  .superRefine((scenario, ctx) => {
    const { burst, tail } = scenario.crowd.arrivals;
    const arrivalMinutes = burst.durationMinutes + tail.durationMinutes;
    if (arrivalMinutes > maxMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['crowd', 'arrivals', 'tail', 'durationMinutes'],
        message: `the burst and tail together last ${Number(arrivalMinutes.toFixed(3))} min; arrivals last at most ${maxMinutes.toLocaleString('en')} min (${WEEK})`,
      });
    }
    if (scenario.sale.durationMinutes === undefined) {
      // Without a sale window, the sale stays open until the last arrival's patience runs out (p99).
      const p99Minutes = patienceP99Ms(scalePatience(scenario.crowd.patience, 1)) / 60_000;
      if (arrivalMinutes + p99Minutes > maxMinutes) {
        ctx.addIssue({
          code: 'custom',
          path: ['crowd', 'patience'],
          message: `the slowest 1% of people would wait ${Math.round(p99Minutes).toLocaleString('en')} min, keeping the sale open after the arrivals for longer than ${WEEK} (${maxMinutes.toLocaleString('en')} min): lower the patience or set sale.durationMinutes`,
        });
      }
    }
    if (scenario.sale.durationMinutes !== undefined && scenario.sale.durationMinutes < arrivalMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['sale', 'durationMinutes'],
        message: `must be at least the burst and tail together (${arrivalMinutes} min), got ${scenario.sale.durationMinutes}`,
      });
    }
    if (scenario.bots) {
      const bots = botCountOf(scenario.bots, scenario.crowd.people);
      const field = scenario.bots.count !== undefined ? 'count' : 'share';
      if (bots >= scenario.crowd.people) {
        ctx.addIssue({
          code: 'custom',
          path: ['bots', field],
          message: `bots are part of crowd.people (${scenario.crowd.people}) and must leave at least one person, got ${bots} bots`,
        });
      }
      if (bots === 0 && field === 'share' && (scenario.bots.share ?? 0) > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['bots', 'share'],
          message: `gives no bot at all among ${scenario.crowd.people} people; use count`,
        });
      }
    }
  });

/** A validated scenario, defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written: fields with defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioTargets = Scenario['targets'];
export type Behaviour = Scenario['behaviour'];
export type { Bots } from './bots-schema.ts';
