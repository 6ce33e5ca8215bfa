/**
 * Plain Artillery tests, written the way an Artillery user writes their own (nothing from
 * saleready), run with Artillery's built-in http engine against the reference shop, and the
 * runner that keeps Artillery's own `--output` report (test helper; also used by
 * record-artillery-fixtures.ts).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { withTempDir } from '../helpers/temp-dir.ts';

const execFileAsync = promisify(execFile);
const repoRoot = join(import.meta.dirname, '..', '..');
const artilleryBin = join(repoRoot, 'node_modules', 'artillery', 'bin', 'run');

/** An Artillery test script (the YAML a user writes), as an object. */
export type ArtilleryScript = Record<string, unknown>;

/**
 * A person's visit to the shop: log in (named `login`), join the queue, poll once, ask for the
 * product (403 without an admission token, so there are 4xx answers) and the health check.
 * A failed login (the shop's injected 500) fails the capture, so the virtual user fails.
 */
const visit = [
  {
    post: {
      url: '/api/login',
      name: 'login',
      json: { userId: 'u-{{ $randomString() }}' },
      capture: { json: '$.sessionId', as: 'sid' },
    },
  },
  {
    post: {
      url: '/api/queue/join',
      headers: { 'X-Session': '{{ sid }}' },
      capture: { json: '$.ticketId', as: 'ticket' },
    },
  },
  { get: { url: '/api/queue/status?ticket={{ ticket }}', headers: { 'X-Session': '{{ sid }}' } } },
  { get: { url: '/api/product', headers: { 'X-Session': '{{ sid }}' } } },
  { get: { url: '/healthz' } },
];

/** Phases of at most `seconds` s and at most `peak` arrivals/s: a ramp to the peak, then the peak. */
function phases(seconds: number, peak: number): object[] {
  const ramp = Math.round(seconds * 0.4);
  return [
    { name: 'ramp', duration: ramp, arrivalRate: Math.max(1, Math.round(peak / 4)), rampTo: peak },
    { name: 'peak', duration: seconds - ramp, arrivalRate: peak },
  ];
}

/** The shop visit with the http engine only (no plugin): whole-run figures, no endpoints. */
export function crowdScript(target: string, seconds = 25, peak = 20): ArtilleryScript {
  return {
    config: { target, phases: phases(seconds, peak), http: { timeout: 0.25 } },
    scenarios: [
      { name: 'visit', weight: 4, flow: visit },
      { name: 'health check', weight: 1, flow: [{ get: { url: '/healthz' } }, { get: { url: '/api/nowhere' } }] },
    ],
  };
}

/** The same visit with the metrics-by-endpoint plugin: per-endpoint codes and response times. */
export function endpointsScript(target: string, seconds = 20, peak = 25): ArtilleryScript {
  return {
    config: { target, phases: phases(seconds, peak), http: { timeout: 2 }, plugins: { 'metrics-by-endpoint': {} } },
    scenarios: [{ name: 'visit', flow: visit }],
  };
}

/** Runs Artillery (telemetry off) on a script and returns the path of its `--output` report. */
export async function runArtillery(
  script: ArtilleryScript,
  output: string,
  options: { timeoutMs?: number } = {},
): Promise<{ output: string; stdout: string }> {
  // the script's folder, removed once Artillery has ended
  return withTempDir('artillery', async (dir) => {
    const scriptPath = join(dir, 'test.yml');
    writeFileSync(scriptPath, stringify(script));
    const binDir = join(repoRoot, 'node_modules', '.bin');
    const env = {
      ...process.env,
      ARTILLERY_DISABLE_TELEMETRY: '1',
      PATH: [binDir, process.env.PATH ?? ''].join(delimiter),
    };
    const { stdout } = await execFileAsync(process.execPath, [artilleryBin, 'run', '--output', output, scriptPath], {
      env,
      cwd: dir,
      timeout: options.timeoutMs ?? 90_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    return { output, stdout };
  });
}
