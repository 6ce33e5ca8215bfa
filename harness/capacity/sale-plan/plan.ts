/**
 * The sale plan a business department writes (YAML or JSON; docs/PLAN-FORMAT.md): how many
 * people, how much stock, how the crowd arrives, what the shop can serve, how the waiting
 * room and login behave, and the longest acceptable wait. `parseSalePlan` validates it and
 * fills in defaults; a bad field is a UsageError naming the field, the value and what is
 * allowed. Pure: the CLI reads the file (and a capacity profile) and passes the value here.
 */
import { z } from 'zod';
import { parseDocument } from 'yaml';
import { UsageError, describeZodIssues, withGivenValues } from '../../errors.ts';

const positive = (unit: string) => z.number(`must be ${unit}`).positive(`must be ${unit} greater than 0`);
const nonNegative = (unit: string) => z.number(`must be ${unit}`).min(0, `must be ${unit} of 0 or more`);
const whole = z.int('must be a whole number').positive('must be a whole number greater than 0');

/**
 * Upper bounds of a plan (docs/PLAN-FORMAT.md, "Limits"): what a first-come sale can be and
 * what the simulator runs in bounded time and memory. Beyond them a plan is refused, naming
 * the field; the simulator's own bounds (re-entries, horizon) are in SIM_LIMITS.
 */
export const PLAN_LIMITS = {
  /** People in one plan: ~9 s and ~1 GB per simulation of 10 million on one core. */
  people: 10_000_000,
  /** Accounts the simulator holds (people plus bots' extra accounts). */
  accounts: 20_000_000,
  stock: 1_000_000_000,
  perPersonLimit: 1_000,
  /** A week: minutes of patience, arrival windows, sessions and tickets. */
  minutes: 7 * 24 * 60,
  /** A second: the shortest of them (shorter ones only produce rounding noise, or a division by ~0). */
  shortestMinutes: 1 / 60,
  /** σ of lognormal patience: at 10, 1% of people wait median × e^23 before giving up. */
  patienceSigma: 10,
  peoplePerMinute: 100_000_000,
  /** One person in 100 minutes: the slowest capacity or admission rate (slower rates only produce years of simulated waiting). */
  slowestPerMinute: 0.01,
  ticketsPerBot: 100,
} as const;
const count = (value: number): string => value.toLocaleString('en-US');
const minutes = (unit: string, hint = '') =>
  positive(unit)
    .min(PLAN_LIMITS.shortestMinutes, 'must be at least 1 second (0.0167 minutes)')
    .max(PLAN_LIMITS.minutes, `must be at most ${PLAN_LIMITS.minutes} minutes (7 days)${hint}`);
const NEVER_GIVE_UP = '; for people who never give up write kind: infinite';
const windowMinutes = (unit: string) =>
  nonNegative(unit).max(PLAN_LIMITS.minutes, `must be at most ${PLAN_LIMITS.minutes} minutes (7 days)`);
const perMinute = (unit: string) =>
  positive(unit)
    .min(PLAN_LIMITS.slowestPerMinute, 'must be at least 0.01 (one person in 100 minutes)')
    .max(PLAN_LIMITS.peoplePerMinute, `must be at most ${count(PLAN_LIMITS.peoplePerMinute)}`);
const share = z
  .number('must be a share between 0 and 1')
  .min(0, 'must be a share between 0 and 1')
  .max(1, 'must be a share between 0 and 1');

const patienceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('infinite') }),
    z.strictObject({ kind: z.literal('fixed'), minutes: minutes('a number of minutes', NEVER_GIVE_UP) }),
    z.strictObject({ kind: z.literal('exponential'), meanMinutes: minutes('a number of minutes', NEVER_GIVE_UP) }),
    z.strictObject({
      kind: z.literal('lognormal'),
      medianMinutes: minutes('a number of minutes', NEVER_GIVE_UP),
      sigma: positive('a spread (σ of the log)').max(
        PLAN_LIMITS.patienceSigma,
        `must be at most ${PLAN_LIMITS.patienceSigma}`,
      ),
    }),
  ],
  'must have kind infinite, fixed (minutes), exponential (meanMinutes) or lognormal (medianMinutes, sigma)',
);

const arrivalSchema = z
  .strictObject({
    /** Share who come before opening and wait in the pre-queue. */
    earlyShare: share.default(0.2),
    /** How long before opening the early ones come (uniformly). */
    earlyMinutes: windowMinutes('a number of minutes').default(30),
    /** Share who come in the rush just after opening. */
    burstShare: share.default(0.6),
    burstMinutes: windowMinutes('a number of minutes').default(5),
    /** The rest come evenly over this long after the burst. */
    tailMinutes: windowMinutes('a number of minutes').default(60),
    /** At opening, the pre-queue is admitted in arrival order (fifo) or shuffled (like Cloudflare's scheduled events). */
    preQueue: z.enum(['fifo', 'shuffle'], 'must be fifo or shuffle').default('fifo'),
  })
  .superRefine((a, ctx) => {
    if (a.earlyShare + a.burstShare > 1 + 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['burstShare'],
        message: `earlyShare + burstShare must be at most 1, got ${a.earlyShare + a.burstShare}`,
      });
    }
    if (a.earlyShare > 0 && a.earlyMinutes === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['earlyMinutes'],
        message: 'must be greater than 0 when earlyShare is above 0',
      });
    if (a.earlyShare + a.burstShare < 1 - 1e-9 && a.tailMinutes === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tailMinutes'],
        message: 'must be greater than 0: the tail brings everyone not early or in the burst',
      });
    }
  });

const capacitySchema = z.union(
  [
    z.strictObject({ peoplePerMinute: perMinute('a number of people per minute'), source: z.string().optional() }),
    z.strictObject({
      profile: z.string().min(1, 'must be a file path'),
      peoplePerMinute: perMinute('a number of people per minute').optional(),
    }),
  ],
  'must be { peoplePerMinute: N } or { profile: path-to-capacity-profile }',
);

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

export const salePlanSchema = z
  .strictObject({
    name: z.string().optional(),
    people: whole.max(
      PLAN_LIMITS.people,
      `must be at most ${count(PLAN_LIMITS.people)} (simulate a share of a larger crowd and scale it)`,
    ),
    stock: whole.max(PLAN_LIMITS.stock, `must be at most ${count(PLAN_LIMITS.stock)}`),
    perPersonLimit: whole
      .max(PLAN_LIMITS.perPersonLimit, `must be at most ${count(PLAN_LIMITS.perPersonLimit)}`)
      .default(1),
    /** Units a buyer takes; default perPersonLimit (the stock goes as fast as it can). */
    unitsPerPerson: whole
      .max(PLAN_LIMITS.perPersonLimit, `must be at most ${count(PLAN_LIMITS.perPersonLimit)}`)
      .optional(),
    opensAt: z
      .string('must be a time HH:MM or an ISO date-time')
      .refine(
        (s) => clock.test(s) || isoDateTime.test(s),
        'must be a time HH:MM (24 h) or an ISO date-time like 2025-03-02T10:00+09:00',
      )
      .optional(),
    arrival: arrivalSchema.prefault({}),
    capacity: capacitySchema,
    journeyMinutes: minutes('a number of minutes').default(3),
    journey: z.enum(['exponential', 'fixed'], 'must be exponential or fixed').default('exponential'),
    /** The waiting room in use today, if any. */
    waitingRoom: z
      .strictObject({
        admissionRatePerMinute: perMinute('a number of people per minute'),
        maxActiveUsers: positive('a number of people')
          .min(1, 'must be at least 1')
          .max(PLAN_LIMITS.accounts, `must be at most ${count(PLAN_LIMITS.accounts)}`)
          .optional(),
      })
      .optional(),
    sessionTtlMinutes: minutes('a number of minutes').optional(),
    ticketTtlMinutes: minutes('a number of minutes').optional(),
    reloginRequeues: z.boolean('must be true or false').default(false),
    sleepShare: share.default(0),
    sleepMinutes: minutes('a number of minutes').optional(),
    patience: patienceSchema.default({ kind: 'lognormal', medianMinutes: 60, sigma: 1 }),
    bots: z
      .strictObject({
        share,
        ticketsPerBot: z
          .int('must be a whole number')
          .min(1, 'must be 1 or more')
          .max(PLAN_LIMITS.ticketsPerBot, `must be at most ${PLAN_LIMITS.ticketsPerBot}`)
          .default(3),
      })
      .optional(),
    soldOutAnnouncement: z.boolean('must be true or false').default(false),
    targets: z.strictObject({ maxWaitMinutes: minutes('a number of minutes') }).prefault({ maxWaitMinutes: 20 }),
    decision: z
      .strictObject({
        /** Share of measured capacity to admit (Cloudflare advises 75%). */
        admissionMargin: z
          .number('must be a share of capacity')
          .min(0.01, 'must be at least 0.01 (1% of capacity)')
          .max(1, 'must be at most 1')
          .default(0.75),
        maxRounds: z.int('must be a whole number').min(1, 'must be 1 or more').max(20, 'must be at most 20').default(6),
        /** Raffle when people × units / stock reaches this. */
        raffleDemandRatio: z
          .number('must be a number')
          .min(1, 'must be 1 or more')
          .max(1e9, 'must be at most 1,000,000,000')
          .default(10),
      })
      .prefault({}),
    seed: z.int('must be a whole number').default(1),
    language: z.enum(['en', 'ko'], 'must be en or ko').default('en'),
  })
  .superRefine((plan, ctx) => {
    const accounts = plan.people * (1 + (plan.bots ? plan.bots.share * (plan.bots.ticketsPerBot - 1) : 0));
    if (accounts > PLAN_LIMITS.accounts) {
      ctx.addIssue({
        code: 'custom',
        path: ['bots'],
        message: `people plus the bots' extra accounts come to ${count(Math.round(accounts))}: at most ${count(PLAN_LIMITS.accounts)} accounts in all`,
      });
    }
  });

/** A validated plan, defaults filled in. */
export type SalePlan = z.output<typeof salePlanSchema>;
/** A plan as written. */
export type SalePlanInput = z.input<typeof salePlanSchema>;
/** A plan whose capacity is a number (the CLI has read the profile). */
export type ResolvedSalePlan = SalePlan & {
  readonly capacity: { readonly peoplePerMinute: number; readonly source?: string };
};

/**
 * Validates a plan: `raw` is the parsed YAML/JSON value, or the text itself (parsed as YAML,
 * which also reads JSON). `source` names the file in messages. Throws UsageError
 * `capacity.plan-invalid` with one line per problem: `✖ must be … (got …) → at field.path`.
 */
export function parseSalePlan(raw: unknown, source?: string): SalePlan {
  const value = typeof raw === 'string' ? readPlanText(raw, source ?? 'The plan') : raw;
  if (value === null || value === undefined)
    throw new UsageError(
      'capacity.plan-invalid',
      `${source ?? 'The plan'} is empty: a sale plan needs at least people, stock and capacity`,
      ['docs/PLAN-FORMAT.md lists every field, its unit and what it allows.'],
    );
  const result = salePlanSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = withGivenValues(result.error.issues, value);
  throw new UsageError('capacity.plan-invalid', describeZodIssues(issues, `${source ?? 'The plan'} is not valid`), [
    'docs/PLAN-FORMAT.md lists every field, its unit and what it allows.',
  ]);
}

/**
 * YAML (or JSON) text as a value. Parse errors and warnings (an unknown tag such as
 * `!!js/function`) are refused naming the line, and nothing is printed on the way.
 */
function readPlanText(text: string, source: string): unknown {
  const document = parseDocument(text, { prettyErrors: true, logLevel: 'silent', uniqueKeys: true });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) {
    const where = problem.linePos?.[0] ? ` (line ${problem.linePos[0].line}, column ${problem.linePos[0].col})` : '';
    throw new UsageError(
      'capacity.plan-invalid',
      `${source} is not valid YAML or JSON${where}: ${problem.message.split('\n')[0]}`,
    );
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError('capacity.plan-invalid', `${source} is not valid YAML or JSON: ${(error as Error).message}`);
  }
}

/** The plan with the shop's capacity taken from a measured profile (read by the CLI). */
export function withMeasuredCapacity(plan: SalePlan, peoplePerMinute: number, source: string): ResolvedSalePlan {
  if (!(peoplePerMinute >= PLAN_LIMITS.slowestPerMinute) || !(peoplePerMinute <= PLAN_LIMITS.peoplePerMinute)) {
    throw new UsageError(
      'capacity.plan-capacity',
      `the capacity profile ${source} gives ${peoplePerMinute} people per minute: must be a number from ${PLAN_LIMITS.slowestPerMinute} to ${count(PLAN_LIMITS.peoplePerMinute)}`,
    );
  }
  return { ...plan, capacity: { peoplePerMinute, source } };
}

/** The plan's capacity as a number, or a UsageError when only a profile path is given. */
export function resolvedCapacity(plan: SalePlan): number {
  const cap = plan.capacity.peoplePerMinute;
  if (cap === undefined) {
    const profile = 'profile' in plan.capacity ? plan.capacity.profile : '?';
    throw new UsageError(
      'capacity.plan-capacity',
      `capacity.profile ${profile} has not been read: pass its people per minute with withMeasuredCapacity()`,
    );
  }
  return cap;
}

/** "HH:MM" of the opening (ISO date-times keep the clock time as written), or null. */
export function openingClock(plan: SalePlan): { hours: number; minutes: number } | null {
  if (!plan.opensAt) return null;
  const match = /(\d{2}):(\d{2})/.exec(plan.opensAt.includes('T') ? plan.opensAt.split('T')[1]! : plan.opensAt);
  return match ? { hours: Number(match[1]), minutes: Number(match[2]) } : null;
}
