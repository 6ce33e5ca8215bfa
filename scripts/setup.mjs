#!/usr/bin/env node
// One idempotent set-up for `npm run setup`, `npm run demo` and `npm test`:
//   1. npm packages (`npm ci` when package-lock.json changed since the last install, or when
//      Node 24 is missing from node_modules/.bin): Node 24 itself, Artillery, undici, …
//   2. `saleready setup`, run with that Node 24 (never the Node on PATH): checks Artillery,
//      installs Debian's chromium and fonts-noto-cjk when missing.
// Prints what it did; exits 3 with a fix when something cannot be installed.
// Plain Node (20 or newer) on purpose: it runs before the packages it installs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const binDir = join(root, 'node_modules', '.bin');
const node24 = join(binDir, 'node');
const stampPath = join(root, 'node_modules', '.saleready-setup-stamp');

/** What the last `npm ci` installed: the lock file's hash (whichever Node runs this script). */
function lockHash() {
  return createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');
}

/** PATH without this project's node_modules/.bin, so npm runs on the Node it does not replace. */
function pathWithoutProjectBin(path = '') {
  return path
    .split(delimiter)
    .filter((dir) => dir && resolve(root, dir) !== binDir)
    .join(delimiter);
}

function ensureNpmPackages() {
  const wanted = lockHash();
  const stamped = existsSync(stampPath) && readFileSync(stampPath, 'utf8') === wanted;
  if (stamped && existsSync(node24)) {
    console.log('npm       packages up to date');
    return;
  }
  console.log(`npm       installing packages (npm ci${stamped ? ', Node 24 missing from node_modules/.bin' : ''})…`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PATH: pathWithoutProjectBin(process.env.PATH) },
  });
  if (result.status !== 0) {
    console.error(
      'saleready setup: `npm ci` failed. Check that the npm registry is reachable, then run `npm run setup` again.',
    );
    process.exit(3);
  }
  if (!existsSync(node24)) {
    console.error(
      "saleready setup: `npm ci` did not put Node 24 in node_modules/.bin (the `node` package's install script).",
    );
    console.error(
      '  Check that package.json\'s "allowScripts" allows "node" (npm 11.16 or newer), then run `npm run setup` again.',
    );
    process.exit(3);
  }
  writeFileSync(stampPath, wanted);
}

ensureNpmPackages();
const tools = spawnSync(node24, [join(root, 'bin', 'saleready.js'), 'setup', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (tools.error) {
  console.error(
    `saleready setup: could not start ${node24}: ${tools.error.message}. Run \`rm -rf node_modules && npm run setup\`.`,
  );
  process.exit(3);
}
if (tools.status !== 0) process.exit(tools.status ?? 3);
console.log(`setup     done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
