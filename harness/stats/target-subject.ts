/**
 * What a target is about, in words, for the sentences `describeTarget` makes: the things
 * measured ("95% of checkouts under 800 ms") or, with a verb, the people or stock it speaks of
 * ("95% of people wait at most 30 min in the queue", "At least 5% of people buy"). Callers give
 * nouns and verbs; the quantifiers ("95% of", "half of", "every", "at most") and the Korean
 * particles are the generator's.
 */
export interface TargetSubject {
  /** English, plural: 'checkouts', 'people', 'units of stock'; a mass noun as it is: 'the stock'. */
  readonly en: string;
  /** English, one of them: 'checkout' (a count of 1, and "every checkout" for a maximum under a bound). */
  readonly enOne?: string;
  /** Korean: '결제 요청', '사람들', '재고'. */
  readonly ko: string;
  /**
   * Each one of them, where "every <enOne>" / "모든 <ko>" is not how it is said:
   * { en: 'every person', ko: '모든 사람' }. Giving it (or `enOne`) lets a maximum read "every …".
   */
  readonly every?: { readonly en: string; readonly ko: string };
  /** Korean counter after a count: '개' ("6개"). */
  readonly koCounter?: string;
  /** What they do, for people or stock: 'wait', 'buy', 'is sold'. */
  readonly verb?: TargetVerb;
  /** A qualifier after the sentence, in brackets: { en: 'sale time', ko: '판매 시간 기준' }. */
  readonly note?: { readonly en: string; readonly ko: string };
}

/** The verb of a subject that acts: "people wait …", "requests fail", "the stock is sold". */
export interface TargetVerb {
  /** With the plural subject or a mass noun: 'wait', 'buy', 'fail', 'is sold'. */
  readonly en: string;
  /** With one of them ("every person waits"): 'waits'. Default `en`. */
  readonly enOne?: string;
  /** Korean, ending the sentence: '기다림', '구매', '실패', '판매'. */
  readonly ko: string;
  /** Where it happens: English after the comparison ('in the queue'), Korean before it ('대기열에서'). */
  readonly where?: { readonly en: string; readonly ko: string };
}
