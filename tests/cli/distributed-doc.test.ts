/**
 * docs/DISTRIBUTED.md's worked example runs: its scenario (the YAML block) and its --plan-only
 * command, through the real bin, print exactly the shares the document shows, and the command
 * it describes (10 workers of 2 vCPU and 4 GB on Fargate Spot, --max-duration 172m).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('distributed-doc');

const doc = readFileSync(join(repoRoot, 'docs', 'DISTRIBUTED.md'), 'utf8');
const blocks = (language: string): string[] =>
  [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);

describe('docs/DISTRIBUTED.md, sizing a 200,000-person opening', () => {
  it('its --plan-only command on its scenario prints the shares it shows, and the command it describes', async () => {
    const scenario = join(work, 'flash-sale-full.yaml');
    writeFileSync(scenario, blocks('yaml')[0]!);
    const command = blocks('sh')
      .map((block) => block.trim())
      .find((block) => block.includes('flash-sale-full.yaml'))!;
    const args = command
      .replace(/^npx saleready /, '')
      .split(/\s+/)
      .map((word) => (word === 'flash-sale-full.yaml' ? scenario : word));
    const out = join(work, 'out');
    const result = await runCli([...args, '--out', out], { env: { ...process.env, HOME: work } });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const stdout = result.stdout.split('\n');
    for (const line of blocks('text')[0]!.trimEnd().split('\n')) expect(stdout, line).toContain(line);
    expect(result.stdout).toContain('npx artillery run-fargate --count 10 --region eu-west-1');
    expect(result.stdout).toContain('--cpu 2 --memory 4 --spot --launch-config');
    expect(result.stdout).toContain('--max-duration 172m test.yml');
    // the pool the document sizes: 200,000 people, about 36 MB of people.json
    const runDir = join(out, readdirSync(out)[0]!);
    const size = statSync(join(runDir, 'people.json')).size / 2 ** 20;
    expect(size).toBeGreaterThan(30);
    expect(size).toBeLessThan(42);
  }, 180_000);
});
