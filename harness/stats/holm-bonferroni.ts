/**
 * Holm–Bonferroni step-down adjustment of m p-values (Holm 1979, "A simple sequentially
 * rejective multiple test procedure", Scand. J. Statist. 6:65–70). With the p-values sorted
 * p(1) ≤ … ≤ p(m), the adjusted value of the i-th is max over j ≤ i of min(1, (m − j + 1)·p(j)),
 * which is R's `p.adjust(p, "holm")`. Rejecting every hypothesis whose adjusted p-value is
 * ≤ α keeps the family-wise error rate (the chance of any false alarm) at most α, under any
 * dependence between the tests. Returns the adjusted values in the input's order; the input
 * is not changed. Cost O(m log m).
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
  }
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p || x.index - y.index);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}

/** Which hypotheses Holm's procedure rejects at family-wise level α (adjusted p ≤ α). */
export function holmReject(pValues: readonly number[], alpha = 0.05): boolean[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  return holmAdjust(pValues).map((p) => p <= alpha);
}
