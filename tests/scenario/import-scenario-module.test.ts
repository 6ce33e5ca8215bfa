/**
 * TypeScript scenarios load as ES modules wherever they sit (a package without
 * `"type": "module"` included), in a worker with a time limit: a broken one is a usage error
 * (exit 2) naming the real error with its file and line and no stack trace; one that loops
 * or calls process.exit while it is imported gives no scenario instead of a hang or a pass.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExitCode, SalereadyError } from '../../harness/errors.ts';
import { loadScenario } from '../../harness/scenario/index.ts';
import { rejectionOf } from '../helpers/thrown.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const harnessScenario = pathToFileURL(join(import.meta.dirname, '..', '..', 'harness', 'scenario', 'index.ts')).href;
// A folder whose package.json says nothing about modules: Node and tsx would read a .ts there as CommonJS.
const root = useTempDir('ts-scenarios');
const commonjsDir = join(root, 'commonjs-package');
mkdirSync(commonjsDir);
writeFileSync(join(commonjsDir, 'package.json'), JSON.stringify({ name: 'a-shop-repo', version: '1.0.0' }));

const body = `name: 'outside', sale: { stock: 10 }, crowd: { people: 100, arrivals: { burst: { share: 1, durationMinutes: 1 }, tail: { durationMinutes: 0 } }, patience: { kind: 'fixed', minutes: 5 } }`;

function write(name: string, source: string): string {
  const path = join(commonjsDir, name);
  writeFileSync(path, source);
  return path;
}

function expectNoStackTrace(message: string): void {
  expect(message).not.toMatch(/\n\s+at /);
  expect(message).not.toMatch(/node:internal|esbuild\/lib|Require stack/);
}

describe('a TypeScript scenario outside a "type": "module" package', () => {
  it('loads as an ES module, top-level await and all', async () => {
    const path = write(
      'outside.ts',
      `import { defineScenario } from '${harnessScenario}';\nconst people: number = await Promise.resolve(100);\nexport default defineScenario({ ${body.replace('people: 100', 'people')} });\n`,
    );
    const scenario = await loadScenario(path);
    expect(scenario.name).toBe('outside');
    expect(scenario.crowd.people).toBe(100);
  });

  it('loads a `scenario` export too, and one that imports a helper beside it', async () => {
    write('helper.ts', `export const stock: number = 7;\n`);
    const path = write(
      'named.ts',
      `import { stock } from './helper.ts';\nexport const scenario = { ${body.replace('stock: 10', 'stock')} };\n`,
    );
    expect((await loadScenario(path)).sale.stock).toBe(7);
  });
});

describe('a broken TypeScript scenario is exit 2 with the real error, its file and line', () => {
  it('a syntax error', async () => {
    const path = write('syntax.ts', `export default {\n  name: 'x',,\n};\n`);
    const error = await rejectionOf(() => loadScenario(path), SalereadyError);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.code).toBe('scenario.import-failed');
    expect(error.message).toContain(`${path}:2:12`);
    expect(error.message).toContain('Expected identifier but found ","');
    expectNoStackTrace(error.message);
  });

  it('an import of a name the module does not export', async () => {
    const path = write(
      'missing-export.ts',
      `import { defineScenarioo } from '${harnessScenario}';\nexport default defineScenarioo({});\n`,
    );
    const error = await rejectionOf(() => loadScenario(path), SalereadyError);
    expect(error.code).toBe('scenario.import-failed');
    expect(error.message).toContain("does not provide an export named 'defineScenarioo'");
    expect(error.message).toContain(`${path}:1`);
    expectNoStackTrace(error.message);
  });

  it('an import of a file that is not there', async () => {
    const path = write(
      'missing-import.ts',
      `// a helper that was never written\nimport { stock } from './nope.ts';\nexport default { stock };\n`,
    );
    const error = await rejectionOf(() => loadScenario(path), SalereadyError);
    expect(error.code).toBe('scenario.import-failed');
    expect(error.message).toMatch(/Cannot find module .*nope\.ts/);
    expect(error.message).toContain(`${path}:2`);
    expectNoStackTrace(error.message);
  });

  it('a throw after an await at import', async () => {
    const path = write(
      'async-throw.ts',
      `const wait: number = 5;\nawait new Promise((resolve) => setTimeout(resolve, wait));\nthrow new Error('the price list is not ready');\nexport default {};\n`,
    );
    const error = await rejectionOf(() => loadScenario(path), SalereadyError);
    expect(error.code).toBe('scenario.import-failed');
    expect(error.message).toContain('the price list is not ready');
    expect(error.message).toContain(`${path}:3`);
    expectNoStackTrace(error.message);
  });

  it('no scenario export, naming what it does export', async () => {
    const path = write('no-export.ts', `export const somethingElse = 1;\n`);
    const error = await rejectionOf(() => loadScenario(path), SalereadyError);
    expect(error.code).toBe('scenario.no-export');
    expect(error.message).toContain('somethingElse');
  });

  it('an export that is not plain data (a function inside)', async () => {
    const path = write('function-inside.ts', `export default { ${body}, description: () => 'hi' };\n`);
    const error = await rejectionOf(() => loadScenario(path), SalereadyError);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toMatch(/plain data/);
  });
});

describe('a TypeScript scenario that never finishes loading', () => {
  it('loops at import: refused after the time limit, not a hang', async () => {
    const path = write('loop.ts', `while (true) {}\nexport default {};\n`);
    const started = Date.now();
    const error = await rejectionOf(() => loadScenario(path, { timeoutMs: 1500 }), SalereadyError);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(error.code).toBe('scenario.import-timeout');
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toContain(path);
  });

  it('loops at import and the run is interrupted: stops at once with exit 4', async () => {
    const path = write('loop-interrupted.ts', `for (;;) {}\nexport default {};\n`);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const error = await rejectionOf(
      () => loadScenario(path, { timeoutMs: 60_000, signal: controller.signal }),
      SalereadyError,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.exitCode).toBe(ExitCode.interrupted);
  });

  it('calls process.exit(0) at import: no scenario, exit 2 (not a silent pass)', async () => {
    const path = write('exits.ts', `process.exit(0);\nexport default {};\n`);
    const error = await rejectionOf(() => loadScenario(path), SalereadyError);
    expect(error.code).toBe('scenario.import-exited');
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toContain('process.exit');
  });
});
