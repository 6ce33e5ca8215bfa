/**
 * Fitting the Universal Scalability Law to measured (load, throughput) points, as the R
 * package `usl` does (Möding, smoeding/usl; Gunther 2007 ch. 5): bounded non-linear least
 * squares with σ, κ ∈ [0, 1] and λ ≥ 0, started at λ₀ = max(X/N), σ₀ = 0.01, κ₀ = 0.0001;
 * standard errors sqrt(diag((JᵀJ)⁻¹)·SSE/(n−3)) and t-based confidence intervals.
 */
import { UsageError } from '../errors.ts';
import { requireInteger, requireOpenUnit } from './check-input.ts';
import { boundedLevenbergMarquardt } from './bounded-least-squares.ts';
import { invertMatrix } from './small-matrix.ts';
import { studentTQuantile } from '../stats/index.ts';
import { uslPeakLoad, uslPeakThroughput, uslSlowdown, type UslParams } from './usl-model.ts';

export interface UslPoint {
  readonly load: number;
  readonly throughput: number;
}

export interface FitUslOptions {
  /** Confidence level of the intervals, 0 < c < 1; default 0.95. */
  readonly confidence?: number;
  /** Levenberg–Marquardt iterations at most; default 500. */
  readonly maxIterations?: number;
  /** Starting values; defaults λ₀ = max(X/N), σ₀ = 0.01, κ₀ = 0.0001 (as R `usl`). */
  readonly start?: Partial<UslParams>;
  /**
   * How the intervals are built from the standard errors:
   * - `'two-sided'` (default): estimate ± t(1 − (1−c)/2, n−3)·SE, the textbook two-sided
   *   interval for non-linear least squares (Bates & Watts 1988, §2.3);
   * - `'usl-package'`: estimate ± t(c, n−1)·SE, what R `usl`'s confint() computes (its
   *   R/confint.R: `qt(level, df)` with `df = length(residuals) − 1`); narrower, kept to
   *   reproduce that package's published figures.
   */
  readonly interval?: UslIntervalMethod;
}

export type UslIntervalMethod = 'two-sided' | 'usl-package';

export type UslWarningCode = 'few-points' | 'no-peak' | 'sigma-at-bound' | 'not-converged' | 'no-standard-errors';

export interface UslWarning {
  /** Stable code, for translation and for tests. */
  readonly code: UslWarningCode;
  readonly message: string;
}

export type UslBound = 'lower' | 'upper' | null;

export interface UslFit {
  readonly params: UslParams;
  /** Standard errors; null when n = 3 (no degrees of freedom left) or JᵀJ is singular. */
  readonly standardErrors: UslParams | null;
  /**
   * estimate ± t·SE (see FitUslOptions.interval), not clipped to the bounds, so an interval
   * reaching below 0 says the parameter may be 0; null with standardErrors.
   */
  readonly confidenceIntervals: {
    readonly sigma: readonly [number, number];
    readonly kappa: readonly [number, number];
    readonly lambda: readonly [number, number];
  } | null;
  readonly confidence: number;
  readonly intervalMethod: UslIntervalMethod;
  /** n − 3. */
  readonly degreesOfFreedom: number;
  /** Number of points fitted. */
  readonly pointCount: number;
  /** Sum of squared residuals. */
  readonly sse: number;
  /** 1 − SSE/SST (as R `usl`'s summary); null when every throughput is equal. */
  readonly rSquared: number | null;
  /** Model throughput at each point's load, in input order. */
  readonly fitted: readonly number[];
  /** Observed − fitted throughput, in input order. */
  readonly residuals: readonly number[];
  /** N* = √((1−σ)/κ); Infinity when κ = 0 (see noPeak). */
  readonly peakLoad: number;
  /** X(N*), or the ceiling λ/σ when there is no peak. */
  readonly peakThroughput: number;
  /** κ = 0: throughput never falls, "no peak (contention only)". */
  readonly noPeak: boolean;
  /** Which parameters ended on a bound of their box. */
  readonly atBound: { readonly sigma: UslBound; readonly kappa: UslBound; readonly lambda: UslBound };
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly UslWarning[];
}

type Vec3 = [number, number, number]; // [σ, κ, λ]
const LOWER: Vec3 = [0, 0, 0];
const UPPER: Vec3 = [1, 1, Number.POSITIVE_INFINITY];

function toParams(p: readonly number[]): UslParams {
  return { sigma: p[0]!, kappa: p[1]!, lambda: p[2]! };
}

function checkPoints(points: readonly UslPoint[]): void {
  if (!Array.isArray(points) || points.length < 3) {
    throw new UsageError(
      'capacity.too-few-points',
      `fitting the USL needs at least 3 points (load, throughput), got ${Array.isArray(points) ? points.length : 0}`,
      ['measure at 6 or more loads, from 1 up to past the expected peak'],
    );
  }
  points.forEach((point, i) => {
    if (typeof point.load !== 'number' || !Number.isFinite(point.load) || point.load <= 0) {
      throw new UsageError(
        'capacity.bad-point',
        `points[${i}].load must be a number greater than 0, got ${String(point.load)}`,
      );
    }
    if (typeof point.throughput !== 'number' || !Number.isFinite(point.throughput) || point.throughput < 0) {
      throw new UsageError(
        'capacity.bad-point',
        `points[${i}].throughput must be a number 0 or more, got ${String(point.throughput)}`,
      );
    }
  });
  const distinct = new Set(points.map((p) => p.load)).size;
  if (distinct < 3) {
    throw new UsageError(
      'capacity.too-few-loads',
      `fitting the USL needs throughput at 3 or more different loads, got ${distinct}`,
    );
  }
  if (points.every((p) => p.throughput === 0)) {
    throw new UsageError('capacity.no-throughput', 'every throughput is 0: there is nothing to fit');
  }
}

/** Model values and Jacobian of the model (∂X/∂σ, ∂X/∂κ, ∂X/∂λ) at p. O(n). */
function evaluate(points: readonly UslPoint[], p: readonly number[]): { fitted: number[]; jacobian: number[][] } {
  const params = toParams(p);
  const fitted: number[] = [];
  const jacobian: number[][] = [];
  for (const { load } of points) {
    const d = uslSlowdown(params, load);
    const x = (p[2]! * load) / d;
    fitted.push(x);
    jacobian.push([(-x * (load - 1)) / d, (-x * load * (load - 1)) / d, load / d]);
  }
  return { fitted, jacobian };
}

function boundOf(i: number, value: number): UslBound {
  if (value <= LOWER[i]!) return 'lower';
  if (value >= UPPER[i]!) return 'upper';
  return null;
}

/**
 * Fits X(N) = λN / (1 + σ(N−1) + κN(N−1)) to the points by bounded least squares
 * (boundedLevenbergMarquardt: Levenberg–Marquardt projected onto the box), then standard errors sqrt(diag((JᵀJ)⁻¹)·SSE/(n−3)) from the
 * Jacobian at the estimate (as R's nls), intervals estimate ± t·SE with Student's t on n−3
 * degrees of freedom (or R `usl`'s convention, options.interval), R², residuals, warnings. Fewer than 3 points, or fewer than 3
 * different loads, is a UsageError; fewer than 6 points is a warning (as R `usl`).
 * Repeated loads (several runs at one N) are fitted as they are, as nls does with replicates.
 * Throughput is divided by its largest value before fitting and λ, the fitted values, the
 * residuals and λ's interval are scaled back (X is linear in λ; σ and κ do not change), so
 * values near the ends of floating point (1e-300, 1e200 req/s) fit like values near 1.
 * Source: Gunther 2007 ch. 5; R package `usl` (smoeding/usl). Cost: O(n) per iteration.
 */
export function fitUsl(input: readonly UslPoint[], options: FitUslOptions = {}): UslFit {
  checkPoints(input);
  const confidence = requireOpenUnit('confidence', options.confidence ?? 0.95);
  const maxIterations = requireInteger('maxIterations', options.maxIterations ?? 500, 1);
  const intervalMethod = options.interval ?? 'two-sided';
  const n = input.length;
  let scale = 0;
  let bestPerLoad = 0;
  for (const point of input) {
    if (point.throughput > scale) scale = point.throughput;
    if (point.throughput / point.load > bestPerLoad) bestPerLoad = point.throughput / point.load;
  }
  const points = input.map((point) => ({ load: point.load, throughput: point.throughput / scale }));
  const start: Vec3 = [
    options.start?.sigma ?? 0.01,
    options.start?.kappa ?? 0.0001,
    options.start?.lambda === undefined ? bestPerLoad / scale : options.start.lambda / scale,
  ];
  const solution = boundedLevenbergMarquardt(
    {
      observed: points.map((pt) => pt.throughput),
      lower: LOWER,
      upper: UPPER,
      evaluate: (p) => evaluate(points, p),
    },
    start,
    maxIterations,
  );
  const { params: p, sse } = solution;
  const params = { ...toParams(p), lambda: p[2]! * scale };
  const { fitted: fittedScaled, jacobian } = evaluate(points, p);
  const fitted = fittedScaled.map((value) => value * scale);
  const residuals = input.map((pt, i) => pt.throughput - fitted[i]!);
  const mean = points.reduce((s, pt) => s + pt.throughput, 0) / n;
  const sst = points.reduce((s, pt) => s + (pt.throughput - mean) ** 2, 0);
  const warnings: UslWarning[] = [];
  if (n < 6) {
    warnings.push({
      code: 'few-points',
      message: `fewer than 6 points (${n}): the fit and its intervals are rough; measure more loads`,
    });
  }

  let standardErrors: UslParams | null = null;
  let confidenceIntervals: UslFit['confidenceIntervals'] = null;
  const df = n - 3;
  if (df > 0) {
    // Scale the columns of J to unit length before inverting JᵀJ: σ, κ and λ differ by
    // orders of magnitude and the scaled matrix is far better conditioned.
    const norms = [0, 1, 2].map((i) => Math.sqrt(jacobian.reduce((s, row) => s + row[i]! ** 2, 0)));
    const scaled = [0, 1, 2].map((i) =>
      [0, 1, 2].map((j) => jacobian.reduce((s, row) => s + row[i]! * row[j]!, 0) / (norms[i]! * norms[j]!)),
    );
    const inverse = norms.every((v) => v > 0) ? invertMatrix(scaled) : null;
    if (inverse) {
      const variance = sse / df;
      const se = [0, 1, 2].map((i) => Math.sqrt((Math.max(0, inverse[i]![i]!) * variance) / norms[i]! ** 2));
      const t =
        intervalMethod === 'usl-package'
          ? studentTQuantile(confidence, n - 1)
          : studentTQuantile(1 - (1 - confidence) / 2, df);
      const unit = [1, 1, scale];
      const interval = (i: number): readonly [number, number] => [
        (p[i]! - t * se[i]!) * unit[i]!,
        (p[i]! + t * se[i]!) * unit[i]!,
      ];
      standardErrors = { sigma: se[0]!, kappa: se[1]!, lambda: se[2]! * scale };
      confidenceIntervals = { sigma: interval(0), kappa: interval(1), lambda: interval(2) };
    } else {
      warnings.push({
        code: 'no-standard-errors',
        message: 'the parameters cannot be told apart on these loads (JᵀJ is singular): no standard errors',
      });
    }
  }

  const noPeak = params.kappa === 0;
  if (noPeak) {
    warnings.push({
      code: 'no-peak',
      message: 'no peak (contention only): κ is at its bound 0, throughput levels off at λ/σ instead of falling',
    });
  }
  const atBound = {
    sigma: boundOf(0, p[0]!),
    kappa: boundOf(1, p[1]!),
    lambda: boundOf(2, p[2]!),
  };
  if (atBound.sigma) {
    warnings.push({ code: 'sigma-at-bound', message: `σ is at its ${atBound.sigma} bound ${p[0]!}` });
  }
  if (!solution.converged) {
    warnings.push({
      code: 'not-converged',
      message: `the fit did not converge in ${maxIterations} iterations; the estimates may be rough`,
    });
  }
  return {
    params,
    standardErrors,
    confidenceIntervals,
    confidence,
    intervalMethod,
    degreesOfFreedom: df,
    pointCount: n,
    sse: sse * scale * scale,
    rSquared: sst > 0 && Number.isFinite(sse / sst) ? 1 - sse / sst : null,
    fitted,
    residuals,
    peakLoad: uslPeakLoad(params),
    peakThroughput: uslPeakThroughput(params),
    noPeak,
    atBound,
    iterations: solution.iterations,
    converged: solution.converged,
    warnings,
  };
}
