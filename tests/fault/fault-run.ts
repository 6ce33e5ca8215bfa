// A `saleready run` started as a terminal starts it: its own process group (so a signal to the
// group reaches it as Ctrl-C would), with its output followed line by line; and the
// processes it started, found in /proc, so a test can kill one of them mid-run.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/run-cli.ts';

export interface StartedRun {
  readonly child: ChildProcess;
  /** Resolves once stdout or stderr matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or 128 + signal) and everything printed. */
  readonly ended: Promise<{ code: number; stdout: string; stderr: string }>;
  output(): string;
}

export function startRun(args: readonly string[], env: NodeJS.ProcessEnv = process.env): StartedRun {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'saleready.js'), ...args], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void; fail: () => void }[] = [];
  const check = (): void => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.pattern.test(stdout + stderr)) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    check();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    check();
  });
  const guard = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }, 150_000);
  let exited = false;
  const ended = once(child, 'exit').then(([code, signal]) => {
    exited = true;
    clearTimeout(guard);
    for (const waiter of waiters.splice(0)) waiter.fail();
    const signals: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
    return { code: typeof code === 'number' ? code : 128 + (signals[signal as string] ?? 0), stdout, stderr };
  });
  return {
    child,
    ended,
    output: () => stdout + stderr,
    waitFor: (pattern, timeoutMs = 90_000) =>
      new Promise<void>((resolve, reject) => {
        const fail = (why: string): void => reject(new Error(`no ${pattern} ${why}:\n${stdout}${stderr}`));
        const timer = setTimeout(() => fail(`within ${timeoutMs} ms`), timeoutMs);
        waiters.push({
          pattern,
          resolve: () => (clearTimeout(timer), resolve()),
          fail: () => (clearTimeout(timer), fail('before saleready ended')),
        });
        check();
        if (exited) waiters.splice(0).forEach((waiter) => waiter.fail());
      }),
  };
}

/** Descendants of `pid` (from /proc), with their command lines and process groups. */
export function descendants(pid: number): { pid: number; pgid: number; command: string }[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        return [{ pid: Number(name), ppid: Number(fields[1]), pgid: Number(fields[2]), command }];
      } catch {
        return [];
      }
    });
  const found: { pid: number; pgid: number; command: string }[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const processInfo of all.filter((p) => p.ppid === parent)) {
      found.push({ pid: processInfo.pid, pgid: processInfo.pgid, command: processInfo.command });
      queue.push(processInfo.pid);
    }
  }
  return found;
}

/** The Artillery process saleready started for the crowd (`artillery … run --target`). */
export function crowdArtillery(saleready: number): { pid: number; pgid: number } | null {
  return descendants(saleready).find((p) => /artillery\S*\s+run\s+--target/.test(p.command)) ?? null;
}
