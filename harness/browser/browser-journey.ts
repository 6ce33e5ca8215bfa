/**
 * What one real person in Chromium went through: the journey itself runs in Artillery's
 * Playwright engine (runtime/browser-person.mjs, copied into the run folder as the browser
 * test's processor) and is read back from its JSON lines (read-browser-results.ts). It records
 * what a person feels — how long until the queue page shows, whether it moves on by itself when
 * admitted, the time to admission, what the page says when the session expired, the time to the
 * order confirmation — with a screenshot at each step and a Playwright trace when it fails.
 */

export type BrowserOutcome =
  'bought' | 'sold_out' | 'limit_reached' | 'session_expired' | 'lost_place' | 'stuck_in_queue' | 'error';

export interface BrowserStepShot {
  readonly step: string;
  /** Path relative to the run folder. */
  readonly file: string;
  /** ms since the person started. */
  readonly atMs: number;
}

export interface BrowserJourneyResult {
  readonly person: string;
  readonly outcome: BrowserOutcome;
  /** ms from the start until the queue page showed (the product page if the queue page went by unseen); null if neither did. */
  readonly queueShownMs: number | null;
  /** ms from the queue page until the product page (admission), null if never admitted. */
  readonly admissionMs: number | null;
  /** Did the queue page move on to the product page without any click? */
  readonly movedOnByItself: boolean;
  /** ms from the start to the order confirmation. */
  readonly confirmationMs: number | null;
  /** What the page said when something went wrong (session expired, sold out, …). */
  readonly message: string | null;
  readonly screenshots: readonly BrowserStepShot[];
  /** Trace zip relative to the run folder, kept only when the journey failed. */
  readonly trace: string | null;
}

/** One timed step of a person (also Artillery's histogram `browser.step.<step>`). */
export interface BrowserStepTiming {
  readonly person: string;
  /** `open_login`, `log_in`, `wait_in_queue`, `product_page`, `buy`. */
  readonly step: string;
  /** How long the step took, ms (screenshots excluded). */
  readonly ms: number;
  /** ms since the person started, at the end of the step. */
  readonly atMs: number;
}

/** A person with no result of their own: the browsers could not run, or stopped first. */
export function failedJourney(
  person: string,
  message: string,
  screenshots: readonly BrowserStepShot[] = [],
): BrowserJourneyResult {
  return {
    person,
    outcome: 'error',
    queueShownMs: null,
    admissionMs: null,
    movedOnByItself: false,
    confirmationMs: null,
    message,
    screenshots,
    trace: null,
  };
}
