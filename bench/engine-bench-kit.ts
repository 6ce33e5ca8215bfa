/**
 * What the engine benchmarks share: the reference shop in a child process of its own (so no
 * load generator shares its event loop or its file-descriptor limit), Artillery started as
 * saleready starts it (telemetry off, Node 24, its own process group), and the Artillery
 * process's CPU time and resident memory read from /proc — for the process and every thread
 * and descendant it has, so whatever Artillery runs (worker threads, child processes) counts.
 *
 * CPU: utime + stime of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on
 * Linux: `getconf CLK_TCK`); a process's own stat line already sums all its threads, and the
 * descendants (found through /proc/<pid>/task/<tid>/children) are added. RSS: VmRSS of
 * /proc/<pid>/status, summed the same way.
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startShop, type ShopConfigInput, type ShopStats } from '../harness/shop/index.ts';
import { artilleryEnv, requireArtillery, type ArtilleryInstall } from '../harness/engine/index.ts';

/** Linux clock ticks per second for /proc times (USER_HZ, 100 on every mainstream kernel). */
const CLOCK_TICKS_PER_SECOND = 100;

/** The process and all its descendants. */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${all[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        for (const child of readFileSync(`/proc/${all[i]}/task/${tid}/children`, 'utf8').split(' ')) {
          if (child.trim() !== '') all.push(Number(child));
        }
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return all;
}

/** CPU seconds (user + system) used so far by the process, its threads and descendants. */
export function cpuSecondsOf(pid: number): number {
  let ticks = 0;
  for (const id of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
      // fields after the command name (which may hold spaces) start at field 3
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory now (VmRSS) of the process and its descendants, bytes. */
export function rssBytesOf(pid: number): number {
  let kb = 0;
  for (const id of processTree(pid)) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${id}/status`, 'utf8'));
      if (match) kb += Number(match[1]);
    } catch {
      // gone
    }
  }
  return kb * 1024;
}

export interface ShopChild {
  readonly url: string;
  /** The shop's /admin/stats (not counted in its requestsTotal). */
  stats(): Promise<ShopStats>;
  reset(config?: ShopConfigInput): Promise<void>;
  close(): void;
}

/** Child side: started with `--engine-bench-shop <config JSON>`, reports its URL over IPC. */
if (process.argv[2] === '--engine-bench-shop') {
  const shop = await startShop(JSON.parse(process.argv[3] ?? '{}') as ShopConfigInput);
  process.send?.({ url: shop.url });
  process.on('disconnect', () => void shop.close().then(() => process.exit(0)));
}

/** Starts the reference shop in a child process on 127.0.0.1. */
export async function startShopChild(config: ShopConfigInput): Promise<ShopChild> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--engine-bench-shop', JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the shop did not start within 30 s')), 30_000);
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer);
      resolve(message.url);
    });
    child.once('exit', (code) => reject(new Error(`the shop exited with ${code}`)));
  });
  return {
    url,
    async stats() {
      return (await (await fetch(`${url}/admin/stats`)).json()) as ShopStats;
    },
    async reset(patch = {}) {
      const res = await fetch(`${url}/admin/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      });
      if (!res.ok) throw new Error(`shop reset answered ${res.status}: ${await res.text()}`);
    },
    close() {
      child.disconnect();
    },
  };
}

export interface ArtilleryProcess {
  readonly pid: number;
  readonly exited: Promise<number | null>;
  /** Artillery's console output so far (last 8,000 characters). */
  output(): string;
  /** SIGINT to its process group (as saleready stops a run), SIGKILL after 5 s. */
  stop(): Promise<number | null>;
}

let artilleryInstall: ArtilleryInstall | null = null;

/** Runs `artillery run --target <url> <test>` in `cwd`, as saleready does. */
export async function spawnArtillery(testPath: string, cwd: string, targetUrl: string): Promise<ArtilleryProcess> {
  artilleryInstall ??= await requireArtillery();
  const child = spawn(process.execPath, [artilleryInstall.binPath, 'run', '--target', targetUrl, testPath], {
    cwd,
    env: artilleryEnv(process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const pid = child.pid as number;
  return {
    pid,
    exited,
    output: () => tail,
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(-pid, 'SIGINT');
        } catch {
          // gone
        }
        const kill = setTimeout(() => {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // gone
          }
        }, 5000);
        const code = await exited;
        clearTimeout(kill);
        return code;
      }
      return exited;
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (≤ timeoutMs) until `check` is true, polling every 100 ms. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
