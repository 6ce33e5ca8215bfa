/**
 * The test handed to Artillery's AWS runners, as Artillery and npm read it: the same phases on
 * every worker with each segment's slots, one plan per share, the files to upload, compileTest's
 * ensure conditions unchanged; and the run folder's package.json makes the `npm install
 * artillery-engine-saleready` each worker runs resolve to the uploaded engine folder, not the
 * npm registry (checked with npm --offline, in a loopback-only network namespace when the
 * machine allows one).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileCloudTest, compileTest, splitPlan, wakeupsFor, writeCloudTest } from '../../harness/engine/index.ts';
import { loadScenario, planRun } from '../../harness/scenario/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('compile-cloud');

describe('the cloud test of the bot storm over 3 workers', async () => {
  const plan = planRun(await loadScenario('scenarios/bot-storm.ts'), { targetUrl: 'https://shop.example.com' });
  const split = splitPlan(plan, 3);
  const compiled = compileCloudTest(plan, split, {
    command: 'npx artillery run-fargate --count 3 … test.yml',
    runnerName: 'AWS Fargate',
  });
  const test = parse(compiled.test) as { config: Record<string, any>; scenarios: unknown[] };
  const local = parse(compileTest(plan, { peoplePool: true }).test) as { config: Record<string, any> };

  it('brings each segment’s slots on every worker, in the plan’s phases', () => {
    const phases = test.config.phases as { arrivalCount?: number; pause?: string; duration?: string }[];
    expect(phases).toHaveLength(split.segments.length + 1);
    split.segments.forEach((segment, s) => {
      const phase = phases[s + 1]!;
      const wakeups = wakeupsFor(split.slots[s]!, segment.durationMs);
      if (segment.people + segment.bots === 0) expect(phase.pause).toBeDefined();
      else expect(phase).toMatchObject({ arrivalCount: wakeups, duration: `${segment.durationMs}ms` });
      for (const share of split.shares) expect(share.segments[s]!.wakeups).toBe(wakeups);
    });
    // the bot storm's burst brings more than two slots a second somewhere: fewer wake-ups than slots
    expect(split.segments.some((segment, s) => wakeupsFor(split.slots[s]!, segment.durationMs) < split.slots[s]!)).toBe(
      true,
    );
  });

  it('names one plan per share and the files to upload; everything else is compileTest’s', () => {
    expect(test.config.engines.saleready).toEqual({
      plan: 'plan-{share}.json',
      shares: 3,
      records: 'records',
      people: 'people.json',
      bots: 'bots.json',
    });
    expect(test.config.includeFiles).toEqual([
      'plan-1.json',
      'plan-2.json',
      'plan-3.json',
      'people.json',
      'bots.json',
      'artillery-engine-saleready',
    ]);
    expect(test.config.plugins).toEqual(local.config.plugins);
    expect(test.config.target).toBe('https://shop.example.com');
    expect(compiled.test).toContain('#   npx artillery run-fargate --count 3 … test.yml');
    expect(Object.keys(compiled.files).sort()).toEqual([
      'package.json',
      'plan-1.json',
      'plan-2.json',
      'plan-3.json',
      'worker.env',
    ]);
    expect(compiled.files['worker.env']).toContain('ARTILLERY_DISABLE_TELEMETRY=1');
  });

  it('declares the engine as a file: dependency that npm installs from the uploaded folder, offline', () => {
    const dir = join(work, 'run');
    writeCloudTest(compiled, dir);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toEqual({
      'artillery-engine-saleready': 'file:./artillery-engine-saleready',
    });
    for (const file of ['index.js', 'crowd.js', 'share.js', 'package.json'])
      expect(existsSync(join(dir, 'artillery-engine-saleready', file)), file).toBe(true);
    expect(existsSync(join(dir, 'artillery-engine-saleready', 'node_modules'))).toBe(false);
    // what Artillery's worker runs for each module of the test (loadgen-worker: npm install "$dep")
    const npm = [
      'npm',
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      'artillery-engine-saleready',
    ];
    const isolated = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
    const result = isolated
      ? spawnSync('unshare', ['-n', ...npm], { cwd: dir, encoding: 'utf8', timeout: 120_000 })
      : spawnSync(npm[0]!, npm.slice(1), { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(realpathSync(join(dir, 'node_modules', 'artillery-engine-saleready'))).toBe(
      realpathSync(join(dir, 'artillery-engine-saleready')),
    );
    expect(existsSync(join(dir, 'node_modules', 'undici', 'package.json'))).toBe(true);
  }, 150_000);
});
