/**
 * Box-constrained non-linear least squares by Levenberg–Marquardt, for the USL fit.
 * Internal; generic over the model so it can be tested on its own.
 */
import { solveLinear } from './small-matrix.ts';

export interface BoundedLeastSquaresProblem {
  /** The observations y₁…yₙ. */
  readonly observed: readonly number[];
  /** Lower and upper bound of each parameter (±Infinity for none). */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Model values f(xᵢ; p) and the Jacobian rows ∂f(xᵢ; p)/∂p at the parameters p. */
  evaluate(params: readonly number[]): { fitted: number[]; jacobian: number[][] };
}

export interface BoundedLeastSquaresResult {
  readonly params: number[];
  readonly sse: number;
  readonly iterations: number;
  readonly converged: boolean;
}

function sumSquares(observed: readonly number[], fitted: readonly number[]): number {
  let s = 0;
  observed.forEach((y, i) => {
    const r = y - fitted[i]!;
    s += r * r;
  });
  return s;
}

/**
 * Minimises Σ(yᵢ − f(xᵢ; p))² over lower ≤ p ≤ upper.
 * Method: Levenberg–Marquardt with Marquardt's diagonal scaling,
 * (JᵀJ + μ·diag(JᵀJ))δ = Jᵀr over the free parameters; a parameter on a bound whose
 * gradient points out of the box is held fixed for that step (active set); the trial point
 * is projected onto the box and accepted only if it lowers the SSE (then μ ÷ 10, else
 * μ × 10). Stops when an accepted step moves every parameter by less than 1e-12 relative,
 * when no step lowers the SSE (a minimum to machine precision), or when the KKT conditions
 * hold with every parameter held on a bound. Deterministic.
 * Source: Marquardt, SIAM J. Appl. Math. 11 (1963); Moré, "The Levenberg–Marquardt
 * algorithm", LNM 630 (1978); Kanzow, Yamashita & Fukushima, J. Comput. Appl. Math. 172
 * (2004) for the projection. Cost: O(n·m²) per trial for n points and m parameters.
 */
export function boundedLevenbergMarquardt(
  problem: BoundedLeastSquaresProblem,
  start: readonly number[],
  maxIterations: number,
): BoundedLeastSquaresResult {
  const { observed, lower, upper } = problem;
  const m = start.length;
  const indices = Array.from({ length: m }, (_, i) => i);
  const project = (p: readonly number[]): number[] =>
    indices.map((i) => Math.min(upper[i]!, Math.max(lower[i]!, p[i]!)));
  let params = project(start);
  let { fitted, jacobian } = problem.evaluate(params);
  let sse = sumSquares(observed, fitted);
  let damping = 1e-3;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (sse === 0) return { params, sse, iterations: iteration - 1, converged: true };
    const jtj = indices.map(() => indices.map(() => 0));
    const jtr = indices.map(() => 0);
    jacobian.forEach((row, k) => {
      const r = observed[k]! - fitted[k]!;
      for (let i = 0; i < m; i++) {
        jtr[i]! += row[i]! * r;
        for (let j = 0; j < m; j++) jtj[i]![j]! += row[i]! * row[j]!;
      }
    });
    // −2Jᵀr is the gradient of the SSE: Jᵀr > 0 means "increase this parameter".
    const free = indices.filter(
      (i) => !((params[i]! <= lower[i]! && jtr[i]! <= 0) || (params[i]! >= upper[i]! && jtr[i]! >= 0)),
    );
    if (free.length === 0) return { params, sse, iterations: iteration, converged: true };
    let accepted = false;
    while (damping < 1e20) {
      const system = free.map((i) =>
        free.map((j) => jtj[i]![j]! + (i === j ? damping * Math.max(jtj[i]![i]!, 1e-300) : 0)),
      );
      const step = solveLinear(
        system,
        free.map((i) => jtr[i]!),
      );
      if (step) {
        const trial = [...params];
        free.forEach((i, k) => {
          trial[i] = trial[i]! + step[k]!;
        });
        const candidate = project(trial);
        const next = problem.evaluate(candidate);
        const nextSse = sumSquares(observed, next.fitted);
        if (nextSse < sse) {
          let moved = 0;
          for (const i of indices)
            moved = Math.max(moved, Math.abs(candidate[i]! - params[i]!) / (Math.abs(params[i]!) + 1e-8));
          params = candidate;
          ({ fitted, jacobian } = next);
          sse = nextSse;
          damping = Math.max(damping / 10, 1e-12);
          accepted = true;
          if (moved < 1e-12) return { params, sse, iterations: iteration, converged: true };
          break;
        }
      }
      damping *= 10;
    }
    if (!accepted) return { params, sse, iterations: iteration, converged: true };
  }
  return { params, sse, iterations: maxIterations, converged: false };
}
