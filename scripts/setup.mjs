#!/usr/bin/env node
// One idempotent set-up for `npm run setup`, `npm run demo` and `npm test`:
//   1. npm packages (npm ci when package-lock.json changed since the last install),
//   2. k6 (found, or built with Go) and Chromium (found, or Debian's package installed),
// printing what it did. Exits 3 with a fix when something cannot be installed.
// Plain Node on purpose: it runs before the packages it installs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const stampPath = join(root, 'node_modules', '.saleready-setup-stamp');

function lockHash() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  return createHash('sha256').update(lock).update(process.version).digest('hex');
}

function ensureNpmPackages() {
  const wanted = lockHash();
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === wanted) {
    console.log('npm       packages up to date');
    return;
  }
  console.log('npm       installing packages (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('saleready setup: `npm ci` failed. Check that the npm registry is reachable, then run `npm run setup` again.');
    process.exit(3);
  }
  writeFileSync(stampPath, wanted);
}

ensureNpmPackages();
const tools = spawnSync(process.execPath, [join(root, 'bin', 'saleready.js'), 'setup', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (tools.status !== 0) process.exit(tools.status ?? 3);
console.log(`setup     done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
