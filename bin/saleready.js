#!/usr/bin/env node
// saleready's command line. The harness is TypeScript that Node 24 runs as it is (type stripping:
// tsconfig's erasableSyntaxOnly keeps the code to what can be stripped), so there is no build step.
// Node does not strip files inside node_modules: installed as a dependency, tsx compiles it instead.
// It always runs on Node 24 (Artillery 2 and undici 8 need it): started by an older Node (the
// one on PATH, or one a shell remembered), it runs itself again with the Node 24 that
// `npm run setup` puts in node_modules/.bin, and ends as that run ends.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import module from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const NEEDED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);

if (major >= NEEDED_MAJOR) {
  // Node keeps the compiled (and type-stripped) modules in its cache folder under the system's
  // temp folder: a start takes about a third of the time it takes without (docs/PERFORMANCE.md).
  module.enableCompileCache?.();
  // A Ctrl-C while the harness loads is kept, not fatal: the command takes it over, so a run
  // stopped in its first moments ends as interrupted (exit 4) rather than killed (130).
  let earlySignals = 0;
  const keep = () => {
    earlySignals += 1;
  };
  process.on('SIGINT', keep);
  process.on('SIGTERM', keep);
  const early = {
    count: () => earlySignals,
    release: () => {
      process.off('SIGINT', keep);
      process.off('SIGTERM', keep);
    },
  };
  if (fileURLToPath(import.meta.url).includes('/node_modules/')) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const { main } = await import('../harness/cli/main.ts');
  process.exitCode = await main(process.argv, undefined, early);
} else {
  runWithNode24();
}

function fail(lines) {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(3);
}

function runWithNode24() {
  const node24 = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
  if (process.env.SALEREADY_REEXEC === node24) {
    fail([
      `saleready: ${node24} is Node ${process.versions.node}, not Node ${NEEDED_MAJOR}.`,
      '  Run `rm -rf node_modules && npm run setup`.',
    ]);
  }
  if (!existsSync(node24)) {
    fail([
      `saleready: needs Node ${NEEDED_MAJOR}; this is Node ${process.versions.node} and node_modules/.bin/node is missing.`,
      '  Run `npm run setup` (it installs Node 24 from npm into node_modules).',
    ]);
  }
  const child = spawn(node24, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, SALEREADY_REEXEC: node24 },
  });
  const forward = (signal) => {
    // Ctrl-C, Ctrl-\ and a closed terminal reach the whole foreground process group, the child
    // included: passing them on would make one Ctrl-C count twice (the second one forces).
    if (signal !== 'SIGTERM' && inTerminalForeground()) return;
    child.kill(signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) =>
    fail([`saleready: could not start ${node24}: ${error.message}`, '  Run `rm -rf node_modules && npm run setup`.']),
  );
  child.on('exit', (code, signal) => {
    for (const name of signals) process.off(name, forward);
    if (signal) process.kill(process.pid, signal); // end as the child ended
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}

/** True when this process belongs to its terminal's foreground process group (Linux). */
function inTerminalForeground() {
  try {
    // /proc/self/stat: "pid (comm) state ppid pgrp session tty_nr tpgid …"; comm may hold spaces.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [pgrp, tpgid] = [Number(fields[2]), Number(fields[5])];
    return tpgid > 0 && tpgid === pgrp;
  } catch {
    return Boolean(process.stdin.isTTY || process.stdout.isTTY || process.stderr.isTTY);
  }
}
