/**
 * The `bots` section of a scenario (DESIGN.md, "The person model"): accounts that arrive in a
 * burst at opening, poll fast, open several tickets, try to skip the queue and buy through
 * rings of accounts that share one delivery address. Durations are sale time; `planRun`
 * divides them (and the bot count) by the time scale.
 */
import { z } from 'zod';
import { SCENARIO_LIMITS } from './scenario-limits.ts';

const share = z.number().min(0, 'must be a share between 0 and 1').max(1, 'must be a share between 0 and 1');
const chance = z.number().min(0, 'must be a chance between 0 and 1').max(1, 'must be a chance between 0 and 1');
const wholePositive = z.int('must be a whole number').positive('must be a whole number greater than 0');
const seconds = z
  .number()
  .positive('must be a number of seconds greater than 0')
  .max(SCENARIO_LIMITS.maxSeconds, `must be at most ${SCENARIO_LIMITS.maxSeconds.toLocaleString('en')} (one day)`);

export const botsSchema = z
  .strictObject({
    /** Share of `crowd.people` that are bots (CONTEXT.md: 10–50% of entries on hyped launches). */
    share: share.optional(),
    /** Or the number of bot accounts, sale scale (divided by k like people). */
    count: wholePositive
      .max(SCENARIO_LIMITS.maxPeople, `must be at most ${SCENARIO_LIMITS.maxPeople.toLocaleString('en')} bots`)
      .optional(),
    /** Bot accounts per ring; a ring buys to one delivery address. */
    rings: z.strictObject({ size: wholePositive.max(10_000, 'must be at most 10000').default(5) }).prefault({}),
    /** Bots arrive spread over this many seconds after opening. */
    burstSeconds: seconds.default(10),
    /** A bot polls each of its tickets this often (fast). */
    pollIntervalSeconds: seconds.default(1),
    /** Tickets one bot account takes (several joins, each from its own login session). */
    ticketsPerBot: wholePositive.max(20, 'must be at most 20').default(3),
    /** Chance, per bot account, of each attempt to skip the queue. */
    skipQueue: z
      .strictObject({
        /** Check out before being admitted, with no admission token. */
        checkoutWithoutToken: chance.default(0.5),
        /** Check out with a real token, from another login session than the one it was issued to. */
        replayToken: chance.default(0.5),
        /** Check out with a token of the right shape whose signature was made up. */
        forgedToken: chance.default(0.5),
      })
      .prefault({}),
  })
  .superRefine((bots, ctx) => {
    if ((bots.share === undefined) === (bots.count === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['share'],
        message: 'give either share (of crowd.people) or count, not both or neither',
      });
    }
  });

/** `bots` as validated, defaults filled in. */
export type Bots = z.output<typeof botsSchema>;

/** Bot accounts in sale scale: `count`, or `share` of the people rounded. */
export function botCountOf(bots: Bots, people: number): number {
  return bots.count ?? Math.round(people * (bots.share ?? 0));
}
