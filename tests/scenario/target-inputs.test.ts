/**
 * The target as a run's input: `--target` and a scenario's `target.url` are checked (http(s),
 * loopback unless allowed, no password, no control characters, no silently dropped parts)
 * before anything is written, the message names where the URL came from, and only the
 * normalised URL reaches the generated files. A refused run leaves no run folder.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkTargetUrl } from '../../harness/cli/target-guard.ts';
import { runScenario } from '../../harness/cli/run-scenario.ts';
import { compileTest } from '../../harness/engine/index.ts';
import { ExitCode, SalereadyError, UsageError } from '../../harness/errors.ts';
import { parseScenario, planRun } from '../../harness/scenario/index.ts';
import { rejectionOf, thrownBy } from '../helpers/thrown.ts';
import { closedPort } from '../helpers/closed-port.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('target-inputs');

const tiny = {
  name: 'tiny',
  sale: { stock: 1 },
  crowd: {
    people: 20,
    arrivals: { burst: { share: 1, durationMinutes: 0.5 }, tail: { durationMinutes: 0 } },
    patience: { kind: 'fixed', minutes: 0.5 },
  },
  behaviour: { thinkSeconds: 0 },
  timeScale: 10,
};

function writeScenario(name: string, value: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('checkTargetUrl', () => {
  it('refuses an empty --target instead of falling back to the embedded shop', () => {
    expect(thrownBy(() => checkTargetUrl('', false)).message).toMatch(/--target is empty/);
    expect(thrownBy(() => checkTargetUrl('   ', false)).message).toMatch(/--target is empty/);
  });

  it('refuses a line break the URL parser would drop, showing it escaped', () => {
    const error = thrownBy(() => checkTargetUrl('http://127.0.0.1:8080/\nconfig:\n  processor: "./evil.js"', false));
    expect(error.code).toBe('cli.bad-target');
    expect(error.message).toContain('\\n');
    expect(error.message).not.toContain('\n  processor');
  });

  it('refuses a user name and password, never repeating the password', () => {
    const error = thrownBy(() => checkTargetUrl('http://user:s3cret-pw@127.0.0.1:8080', false));
    expect(error.code).toBe('cli.bad-target');
    expect(error.message).toMatch(/user name or password/);
    expect(error.message).not.toContain('s3cret-pw');
  });

  it('refuses a query or fragment it would otherwise drop silently', () => {
    expect(thrownBy(() => checkTargetUrl('http://127.0.0.1:8080/?token=1', false)).message).toMatch(/query/);
    expect(thrownBy(() => checkTargetUrl('http://127.0.0.1:8080/#x', false)).message).toMatch(/fragment/);
  });

  it('refuses *.localhost names, which this machine may resolve anywhere', () => {
    const error = thrownBy(() => checkTargetUrl('http://shop.localhost:8080', false));
    expect(error.code).toBe('cli.remote-target');
    expect(error.message).toContain('shop.localhost');
    // with --allow-remote it is just another name
    expect(checkTargetUrl('http://shop.localhost:8080', true)).toBe('http://shop.localhost:8080');
  });

  it('names the scenario’s target.url, not --target, when the URL came from the scenario', () => {
    const error = thrownBy(() => checkTargetUrl('https://shop.example.com', false, 'target.url'));
    expect(error.message).toMatch(/^target\.url /);
    expect(error.message).not.toContain('--target');
  });

  it('returns the normalised URL: percent-encoded, no trailing slash', () => {
    expect(checkTargetUrl('HTTP://LOCALHOST:8080/a b/', false)).toBe('http://localhost:8080/a%20b');
  });
});

describe('only the normalised URL reaches the generated files', () => {
  it('planRun writes the normalised URL into test.yml and plan.json, and refuses a raw one with a line break', () => {
    const scenario = parseScenario(tiny);
    const plan = planRun(scenario, { targetUrl: 'http://127.0.0.1:1/shop path/' });
    expect(plan.targetUrl).toBe('http://127.0.0.1:1/shop%20path');
    const compiled = compileTest(plan);
    expect((parseYaml(compiled.test) as { config: { target: string } }).config.target).toBe(
      'http://127.0.0.1:1/shop%20path',
    );
    expect(JSON.parse(compiled.files['plan.json']!).targetUrl).toBe('http://127.0.0.1:1/shop%20path');
    expect(() => planRun(scenario, { targetUrl: 'http://127.0.0.1:1/\nconfig:\n  processor: "./evil.js"' })).toThrow(
      UsageError,
    );
    expect(() => planRun(scenario, { targetUrl: 'http://user:pw@127.0.0.1:1' })).toThrow(UsageError);
  });
});

describe('a refused run leaves no run folder', () => {
  const refusals: [
    string,
    () => Promise<{ path: string; targetUrl?: string; allowRemote?: boolean }>,
    RegExp,
    number,
  ][] = [
    [
      'a remote --target',
      async () => ({ path: writeScenario('remote-flag', tiny), targetUrl: 'http://198.51.100.5:8080' }),
      /^--target .*not on this machine/,
      ExitCode.usage,
    ],
    [
      'a remote target.url in the scenario (named as such)',
      async () => ({ path: writeScenario('remote-url', { ...tiny, target: { url: 'http://198.51.100.5:8080' } }) }),
      /^target\.url .*not on this machine/,
      ExitCode.usage,
    ],
    [
      'an empty --target',
      async () => ({ path: writeScenario('empty', tiny), targetUrl: '' }),
      /--target is empty/,
      ExitCode.usage,
    ],
    [
      'a --target with a password',
      async () => ({
        path: writeScenario('password', tiny),
        targetUrl: `http://u:pw-123@127.0.0.1:${await closedPort()}`,
      }),
      /user name or password/,
      ExitCode.usage,
    ],
    [
      'a --target with a line break',
      async () => ({
        path: writeScenario('newline', tiny),
        targetUrl: `http://127.0.0.1:${await closedPort()}/\nconfig:`,
      }),
      /control character|line break/,
      ExitCode.usage,
    ],
    [
      'a --target under .localhost',
      async () => ({
        path: writeScenario('dot-localhost', tiny),
        targetUrl: `http://evil.localhost:${await closedPort()}`,
      }),
      /\.localhost/,
      ExitCode.usage,
    ],
    [
      'a non-http --target',
      async () => ({ path: writeScenario('ftp', tiny), targetUrl: 'ftp://127.0.0.1/' }),
      /http or https/,
      ExitCode.usage,
    ],
    [
      'an absurd sale duration',
      async () => ({ path: writeScenario('absurd', { ...tiny, sale: { stock: 1, durationMinutes: 1e12 } }) }),
      /sale\.durationMinutes/,
      ExitCode.usage,
    ],
    [
      'a target that does not answer',
      async () => ({ path: writeScenario('unreachable', tiny), targetUrl: `http://127.0.0.1:${await closedPort()}` }),
      /unreachable/,
      ExitCode.environment,
    ],
  ];

  it.each(refusals)('%s', async (_name, setUp, message, exitCode) => {
    const { path, targetUrl, allowRemote } = await setUp();
    const outDir = join(dir, `out-${_name.replace(/\W+/g, '-')}`);
    const caught = await rejectionOf(
      () => runScenario({ scenarioPath: path, targetUrl, allowRemote, outDir, lang: 'en' }),
      SalereadyError,
    );
    expect(caught.message).toMatch(message);
    expect(caught.exitCode).toBe(exitCode);
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });
});
