/**
 * The error an action throws, for a test to look at: the test fails when the action throws
 * nothing or an error of another kind (that error is thrown on, with its stack).
 */
import { UsageError } from '../../harness/errors.ts';

type ErrorKind<Thrown> = abstract new (...args: never[]) => Thrown;

/** The error `action` throws, of kind `kind` (a UsageError unless told). */
export function thrownBy<Thrown extends Error = UsageError>(
  action: () => unknown,
  kind: ErrorKind<Thrown> = UsageError as unknown as ErrorKind<Thrown>,
): Thrown {
  let result: unknown;
  try {
    result = action();
  } catch (error) {
    return ofKind(error, kind);
  }
  if (result instanceof Promise) throw new Error('thrownBy was given an async action: use rejectionOf');
  throw new Error(`expected a ${kind.name}, but nothing was thrown`);
}

/** The message of the UsageError `action` throws. */
export function messageOf(action: () => unknown): string {
  return thrownBy(action).message;
}

/** The error the promise of `action` rejects with, of kind `kind` (a UsageError unless told). */
export async function rejectionOf<Thrown extends Error = UsageError>(
  action: () => unknown,
  kind: ErrorKind<Thrown> = UsageError as unknown as ErrorKind<Thrown>,
): Promise<Thrown> {
  try {
    await action();
  } catch (error) {
    return ofKind(error, kind);
  }
  throw new Error(`expected a ${kind.name}, but nothing was thrown`);
}

function ofKind<Thrown extends Error>(error: unknown, kind: ErrorKind<Thrown>): Thrown {
  if (error instanceof kind) return error;
  throw error;
}
