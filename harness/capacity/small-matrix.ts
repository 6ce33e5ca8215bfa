/**
 * Dense linear algebra for the tiny (3×3) normal equations of the USL fit. Internal.
 * Matrices are arrays of rows; inputs are never modified.
 */

export type Matrix = readonly (readonly number[])[];

/**
 * Inverse of a square matrix by Gauss–Jordan elimination with partial pivoting.
 * Returns null when a pivot falls below 1e-14 of the largest entry (numerically singular).
 * Source: Golub & Van Loan, *Matrix Computations*, §3.4. O(n³).
 */
export function invertMatrix(matrix: Matrix): number[][] | null {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  let scale = 0;
  for (const row of matrix) for (const v of row) scale = Math.max(scale, Math.abs(v));
  if (scale === 0 || !Number.isFinite(scale)) return null;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivotRow]![col]!)) pivotRow = r;
    }
    const pivot = a[pivotRow]![col]!;
    if (Math.abs(pivot) <= 1e-14 * scale) return null;
    [a[col], a[pivotRow]] = [a[pivotRow]!, a[col]!];
    const pr = a[col]!;
    for (let j = 0; j < 2 * n; j++) pr[j] = pr[j]! / pivot;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const factor = row[col]!;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * n; j++) row[j] = row[j]! - factor * pr[j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Solves A·x = b for square A (via invertMatrix; fine for n ≤ 3). Returns null when A is
 * numerically singular. O(n³).
 */
export function solveLinear(matrix: Matrix, rhs: readonly number[]): number[] | null {
  const inverse = invertMatrix(matrix);
  if (!inverse) return null;
  return inverse.map((row) => row.reduce((sum, v, j) => sum + v * (rhs[j] ?? 0), 0));
}
