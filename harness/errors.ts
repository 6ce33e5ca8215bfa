/**
 * Typed errors shared by every stage. Each carries a stable code `<stage>.<kebab-case>`
 * (`scenario.invalid`, `engine.target-unreachable`, as commander's `commander.unknownOption`),
 * a message written for a person, and the process exit code the CLI uses (DESIGN.md,
 * "Contracts"): 0 all targets met · 1 a target missed · 2 bad input or usage · 3 environment ·
 * 4 run interrupted · 70 an unexpected failure (a bug). Only `harness/cli` turns them into
 * output and an exit code.
 */
export const ExitCode = {
  ok: 0,
  targetMissed: 1,
  usage: 2,
  environment: 3,
  interrupted: 4,
  /** A failure saleready did not expect (a bug): the message asks to report it (sysexits' EX_SOFTWARE). */
  internal: 70,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class SalereadyError extends Error {
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  /** Extra lines shown below the message, e.g. how to fix it. */
  readonly hints: readonly string[];

  constructor(code: string, message: string, exitCode: ExitCodeValue, hints: readonly string[] = []) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.hints = hints;
  }
}

/** Bad input: a configuration field, a file, a flag. Exit 2. */
export class UsageError extends SalereadyError {
  constructor(code: string, message: string, hints: readonly string[] = []) {
    super(code, message, ExitCode.usage, hints);
  }
}

/** Something outside the input is missing or unreachable: Artillery, Chromium, the target. Exit 3. */
export class EnvironmentError extends SalereadyError {
  constructor(code: string, message: string, hints: readonly string[] = []) {
    super(code, message, ExitCode.environment, hints);
  }
}

/** A run stopped before its end; whatever was measured is kept. Exit 4. */
export class InterruptedError extends SalereadyError {
  constructor(code: string, message: string, hints: readonly string[] = []) {
    super(code, message, ExitCode.interrupted, hints);
  }
}

/** Turns a zod error into one line per issue: `✖ message → at field.path`. */
export function describeZodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  where?: string,
): string {
  const lines = issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(root)';
    return `✖ ${issue.message} → at ${field}`;
  });
  return (where ? `${where}:\n` : '') + lines.join('\n');
}

/** The value at `path` inside `root`, or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A bad value as a person reads it in a message: JSON, cut at 60 characters. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Zod issues with the bad value appended to each message (`must be positive (got -3)`), read
 * from the input that failed. Unknown keys say what they saw already; so do custom checks,
 * unless `customToo` (their message names a rule, not the value).
 */
export function withGivenValues<T extends { path: readonly PropertyKey[]; message: string; code?: string }>(
  issues: readonly T[],
  input: unknown,
  customToo = false,
): T[] {
  return issues.map((issue) =>
    issue.code === 'unrecognized_keys' || (issue.code === 'custom' && !customToo)
      ? issue
      : { ...issue, message: `${issue.message} (got ${showValue(valueAt(input, issue.path))})` },
  );
}
