/**
 * Temp folders for tests, each under the OS temp folder with a `saleready-` prefix and each
 * removed when its tests are done, so a run of the suite leaves nothing behind. The only place
 * in tests/ that makes a temp folder (tests/architecture.test.ts checks it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';

function makeTempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `saleready-${name}-`));
}

function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A folder `saleready-<name>-XXXXXX` for a test file (call it at file level, or in a describe):
 * made at once, removed after the file's (or the describe's) tests, once all they awaited has
 * ended, so processes writing into it are done.
 */
export function useTempDir(name: string): string {
  const dir = makeTempDir(name);
  afterAll(() => removeTempDir(dir));
  return dir;
}

/**
 * A fresh folder `saleready-<name>-XXXXXX` for each test (call it at file level, or in a
 * describe): made before each test, removed after it. Gives a function that returns the running
 * test's folder.
 */
export function useTempDirEach(name: string): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = makeTempDir(name);
  });
  afterEach(() => {
    if (dir !== undefined) removeTempDir(dir);
    dir = undefined;
  });
  return () => {
    if (dir === undefined) throw new Error(`the temp folder '${name}' exists only while a test runs`);
    return dir;
  };
}

/** A fresh folder `<name>-XXXXXX` inside `parent` (a folder of useTempDir), for a test or a run of its own; removed with `parent`. */
export function freshDirIn(parent: string, name: string): string {
  return mkdtempSync(join(parent, `${name}-`));
}

/**
 * Runs `action` with a folder `saleready-<name>-XXXXXX` of its own and removes the folder once
 * the action has ended, thrown or not (for helpers and scripts that need a folder for one call
 * and run outside a test file's hooks).
 */
export async function withTempDir<Result>(
  name: string,
  action: (dir: string) => Promise<Result> | Result,
): Promise<Result> {
  const dir = makeTempDir(name);
  try {
    return await action(dir);
  } finally {
    removeTempDir(dir);
  }
}
