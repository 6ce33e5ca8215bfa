/**
 * Typed errors shared by every stage. Each carries a stable code, a message written for a
 * person, and the process exit code the CLI uses (DESIGN.md, "Contracts"):
 * 0 all targets met · 1 a target missed · 2 bad input or usage · 3 environment ·
 * 4 run interrupted. Only `harness/cli` turns them into output and an exit code.
 */
export const ExitCode = {
  ok: 0,
  targetMissed: 1,
  usage: 2,
  environment: 3,
  interrupted: 4,
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

/** Something outside the input is missing or unreachable: k6, Chromium, the target. Exit 3. */
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
