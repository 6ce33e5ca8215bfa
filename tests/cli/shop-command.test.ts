// `saleready shop` as a user starts it: a child process that prints its URL and serves stats.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.ts';

describe('saleready shop', () => {
  it('--port 0 prints its URL and serves /admin/stats with the documented fields, then stops on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'bin', 'saleready.js'), 'shop', '--port', '0', '--set', 'stock=42'],
      { cwd: repoRoot },
    );
    try {
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const stats = (await (await fetch(`${url}/admin/stats`)).json()) as Record<string, unknown>;
      for (const field of [
        'queueLength',
        'activeUsers',
        'admittedTotal',
        'stockLeft',
        'ordersTotal',
        'inFlight',
        'rejections',
      ]) {
        expect(stats).toHaveProperty(field);
      }
      expect(stats.stockLeft).toBe(42);
      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a bad setting with exit 2, naming the field', async () => {
    const result = await runCli(['shop', '--set', 'admissionRatePerMinute=-5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('admissionRatePerMinute');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a config file that is not JSON with exit 2, naming the file', async () => {
    const result = await runCli(['shop', '--config', join(repoRoot, 'README.md')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('README.md');
  });
});
