// `saleready plan` through the real bin: the example plan, both languages, JSON and errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const example = join('scenarios', 'mint-sale.plan.yaml');
const work = useTempDir('plan');

describe('saleready plan', () => {
  it('recommends a raffle for the mint example (15× demand) with admission settings in the JSON', async () => {
    const result = await runCli(['plan', example, '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as {
      verdict: { choice: string };
      demandRatio: number;
      waitingRoom: { admissionRatePerMinute: number; settings: { product: string; setting: string }[] };
      options: { rounds: { rounds: number } };
    };
    expect(plan.verdict.choice).toBe('raffle');
    expect(plan.demandRatio).toBe(15);
    // 75% of the measured 1,500 people per minute.
    expect(plan.waitingRoom.admissionRatePerMinute).toBe(1125);
    const names = plan.waitingRoom.settings.map((setting) => setting.setting);
    expect(names).toEqual(expect.arrayContaining(['total_active_users', 'new_users_per_minute', 'session_duration']));
    // Fluid estimate ⌈N/(μ(T+W))⌉ for 300,000 people at 1,125/min with a 6 min target.
    expect(plan.options.rounds.rounds).toBe(3);
  });

  it('reads in English and in Korean', async () => {
    const english = await runCli(['plan', example, '--lang', 'en']);
    expect(english.stdout).toContain('Hold a raffle');
    expect(english.stdout).toContain('total_active_users');
    const korean = await runCli(['plan', example, '--lang', 'ko']);
    expect(korean.stdout).toContain('추첨으로 판매하세요');
  });

  it('exits 2 naming the field of a bad plan, without a stack trace', async () => {
    const path = join(work, 'bad.yaml');
    writeFileSync(path, 'people: -3\nstock: 100\ncapacity:\n  peoplePerMinute: 100\n');
    const result = await runCli(['plan', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/→ at people/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
