#!/usr/bin/env node
// Runs the vitest suite and ends with the line `N passed, N failed` (counted from vitest's
// JSON reporter), which CI reads. Extra arguments go to vitest (e.g. a file filter).
// `--fast` (npm run test:fast) runs only the tests that start no process of their own: no CLI,
// no Artillery, no Chromium, no child (a file is left out when it calls one of those).
// Temp folders the tests leave behind (saleready-… in the OS temp folder, tests/helpers/temp-dir.ts)
// are named just before that last line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fastTestFiles } from './test-groups.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jsonPath = join(root, 'reports', 'vitest-results.json');
mkdirSync(dirname(jsonPath), { recursive: true });
rmSync(jsonPath, { force: true });

const args = process.argv.slice(2);
const fast = args.includes('--fast');
const vitestArgs = fast ? [...args.filter((arg) => arg !== '--fast'), ...fastTestFiles(root)] : args;

/** saleready's temp folders in the OS temp folder. */
const tempFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('saleready-'));
const tempBefore = new Set(tempFolders());

const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonPath}`,
    ...vitestArgs,
  ],
  { cwd: root, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(jsonPath)) {
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  failed = 1; // vitest did not even write its report: count the run itself as a failure
}
const code = result.status ?? 1;
if (code !== 0 && failed === 0) failed = 1;
const leftBehind = tempFolders().filter((name) => !tempBefore.has(name));
if (leftBehind.length > 0)
  console.log(
    `${leftBehind.length} temp folder(s) left behind in ${tmpdir()} (by these tests or others running at the same time): ` +
      `${leftBehind.sort().slice(0, 20).join(', ')}${leftBehind.length > 20 ? ', …' : ''}`,
  );
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code);
