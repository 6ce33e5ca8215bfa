/**
 * Argument checks shared by the capacity functions (internal, not exported from index.ts).
 * Each throws a UsageError that names the argument, its value and what is allowed, so a
 * bad number from a plan file or a flag reaches the person as a sentence, not NaN.
 */
import { UsageError } from '../errors.ts';

/** Throws unless `value` is a finite number. */
export function requireFinite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new UsageError('capacity.not-a-number', `${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is finite and > 0. */
export function requirePositive(name: string, value: number): number {
  requireFinite(name, value);
  if (value <= 0) {
    throw new UsageError('capacity.not-positive', `${name} must be greater than 0, got ${value}`);
  }
  return value;
}

/** Throws unless `value` is finite and ≥ 0. */
export function requireNonNegative(name: string, value: number): number {
  requireFinite(name, value);
  if (value < 0) {
    throw new UsageError('capacity.negative', `${name} must be 0 or more, got ${value}`);
  }
  return value;
}

/** Throws unless `value` is an integer ≥ `min`. */
export function requireInteger(name: string, value: number, min: number): number {
  requireFinite(name, value);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError('capacity.not-an-integer', `${name} must be a whole number ≥ ${min}, got ${value}`);
  }
  return value;
}

/** Throws unless 0 < value < 1. */
export function requireOpenUnit(name: string, value: number): number {
  requireFinite(name, value);
  if (value <= 0 || value >= 1) {
    throw new UsageError('capacity.out-of-range', `${name} must be strictly between 0 and 1, got ${value}`);
  }
  return value;
}
