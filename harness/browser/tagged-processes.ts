/**
 * Processes started for one browser run. The browser Artillery process gets
 * `SALEREADY_BROWSERS_RUN=<tag>` in its environment, which Chromium (started by Playwright in a
 * process group of its own) and its crash handlers inherit. Chromium's zygotes, renderers and
 * helpers do not show it (Chromium rewrites their process title over the environment), but
 * they are in Chromium's process group and below it in the process tree. So the run's
 * processes are: those showing the tag, the members of their process groups, and their
 * descendants — never anyone else's Chromium. Read from /proc (Linux); elsewhere none are found.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const BROWSER_RUN_TAG_ENV = 'SALEREADY_BROWSERS_RUN';

interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly tagged: boolean;
}

/** `pid (comm) state ppid pgrp …`; comm may hold spaces and parentheses. Zombies are left out (already dead). */
function readProcess(pid: number, wanted: string): ProcessEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') return null;
    let tagged = false;
    try {
      tagged = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(wanted);
    } catch {
      // not ours to read
    }
    return { pid, ppid: Number(ppid), pgid: Number(pgid), tagged };
  } catch {
    return null; // gone meanwhile
  }
}

function listProcesses(wanted: string): ProcessEntry[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: ProcessEntry[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry), wanted);
    if (info) found.push(info);
  }
  return found;
}

/**
 * Ids of the run's live processes. `groups` collects the process groups of tagged processes
 * across calls, so members are still found after their group's leader died.
 */
export function findTaggedProcesses(tag: string, groups: Set<number> = new Set()): number[] {
  const all = listProcesses(`${BROWSER_RUN_TAG_ENV}=${tag}`);
  const self = all.find((entry) => entry.pid === process.pid);
  for (const entry of all) if (entry.tagged && entry.pgid !== self?.pgid) groups.add(entry.pgid);
  const chosen = new Set(all.filter((entry) => entry.tagged || groups.has(entry.pgid)).map((entry) => entry.pid));
  // Descendants, to a fixed point (the tree is at most as deep as the number of processes).
  for (let added = true; added;) {
    added = false;
    for (const entry of all) {
      if (!chosen.has(entry.pid) && chosen.has(entry.ppid)) {
        chosen.add(entry.pid);
        added = true;
      }
    }
  }
  chosen.delete(process.pid);
  return [...chosen];
}

/**
 * Kills (SIGKILL, by id) every process of the run and waits until none is left, at most
 * `timeoutMs`. Returns the ids it killed.
 */
export async function stopTaggedProcesses(tag: string, timeoutMs = 5_000): Promise<number[]> {
  const killed = new Set<number>();
  const groups = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = findTaggedProcesses(tag, groups);
    if (left.length === 0 || Date.now() > deadline) return [...killed];
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
        killed.add(pid);
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
