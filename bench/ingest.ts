/**
 * Benchmark: ingest of k6 raw JSON output (harness/results) against `gzip -dc FILE | wc -l`,
 * the floor set by decompressing and splitting lines, on the same file in the same run.
 *
 *   npx tsx bench/ingest.ts [samples[@samplesPerSecond]…]
 *   default: 1000000@5000 2000000@5000 2000000@10000
 *
 * For each case it writes a k6-style raw output (gzipped, real k6 line layout and tags, six
 * metrics, 40 URLs, the given samples per second of run time) to a temp dir, times
 * `gzip -dc | wc -l` (best of 3) and ingest (best of 3, each in a fresh child process, so
 * its peak RSS — `process.resourceUsage().maxRSS` — is that of one ingest), and prints one
 * JSON line per case with the ratio. The baseline RSS of a child ingesting an empty file
 * (Node + tsx) is printed first. Results go into docs/PERFORMANCE.md by hand.
 */
import { execFileSync, execSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { ingestK6Output } from '../harness/results/index.ts';


if (process.argv[2] === '--child') {
  const file = process.argv[3] as string;
  const reader = (process.argv[4] ?? 'fast') as 'fast' | 'json';
  const started = performance.now();
  const ingest = await ingestK6Output(file, { reader });
  const ms = performance.now() - started;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, maxRssMb, samples: ingest.samples, series: ingest.series.size }) + '\n');
} else {
  const cases = process.argv.length > 2 ? process.argv.slice(2) : ['1000000@5000', '2000000@5000', '2000000@10000'];
  const dir = mkdtempSync(join(tmpdir(), 'sr-bench-ingest-'));
  try {
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    console.log(JSON.stringify({ baselineRssMb: Math.round(runChild(empty, 'fast').maxRssMb) }));
    for (const benchCase of cases) {
      const [samples, rate] = benchCase.split('@').map(Number) as [number, number | undefined];
      await benchSize(dir, samples, rate ?? 5000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSize(dir: string, samples: number, samplesPerSecond: number): Promise<void> {
  const file = join(dir, `raw-${samples}-${samplesPerSecond}.json.gz`);
  await writeRawOutput(file, samples, samplesPerSecond);
  const floorMs = bestOf(3, () => {
    const started = performance.now();
    execSync(`gzip -dc '${file}' | wc -l`, { stdio: 'ignore' });
    return performance.now() - started;
  });
  const runs = [0, 1, 2].map(() => runChild(file, 'fast'));
  const fastest = runs.reduce((best, run) => (run.ms < best.ms ? run : best));
  const jsonParse = runChild(file, 'json');
  const report = {
    samples,
    runSeconds: samples / samplesPerSecond,
    gzMb: +(statSync(file).size / 2 ** 20).toFixed(1),
    gzipWcMs: Math.round(floorMs),
    ingestMs: Math.round(fastest.ms),
    ratio: +(fastest.ms / floorMs).toFixed(2),
    jsonParseIngestMs: Math.round(jsonParse.ms),
    peakRssMb: Math.round(Math.max(...runs.map((run) => run.maxRssMb))),
    series: fastest.series,
    node: process.version,
  };
  console.log(JSON.stringify(report));
}

function runChild(file: string, reader: 'fast' | 'json'): { ms: number; maxRssMb: number; series: number } {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const output = execFileSync(process.execPath, [tsxCli, fileURLToPath(import.meta.url), '--child', file, reader], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as { ms: number; maxRssMb: number; series: number };
}

function bestOf(times: number, run: () => number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) best = Math.min(best, run());
  return best;
}

/** Writes `samples` Point lines in k6's layout (plus its Metric declarations), gzipped. */
async function writeRawOutput(file: string, samples: number, samplesPerSecond: number): Promise<void> {
  const gzip = createGzip();
  const done = new Promise<void>((resolve, reject) => {
    gzip.pipe(createWriteStream(file)).on('finish', resolve).on('error', reject);
  });
  const metrics: [string, string, string][] = [
    ['http_reqs', 'counter', 'default'],
    ['http_req_duration', 'trend', 'time'],
    ['http_req_waiting', 'trend', 'time'],
    ['http_req_failed', 'rate', 'default'],
    ['sr_queue_wait', 'trend', 'time'],
    ['vus', 'gauge', 'default'],
  ];
  let buffer = '';
  for (const [name, type, contains] of metrics) {
    buffer += `{"type":"Metric","data":{"name":"${name}","type":"${type}","contains":"${contains}","thresholds":[],"submetrics":null},"metric":"${name}"}\n`;
  }
  const steps = ['login', 'join', 'poll', 'product', 'cart', 'checkout'];
  const start = Date.UTC(2026, 10, 25, 10, 0, 0);
  let random = 12345;
  const next = (): number => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random / 2147483648;
  };
  for (let i = 0; i < samples; i++) {
    const [metric] = metrics[i % metrics.length] as [string, string, string];
    const time = new Date(start + (i * 1000) / samplesPerSecond).toISOString().replace('Z', '381442Z');
    const step = steps[Math.floor(next() * steps.length)] as string;
    const actor = next() < 0.9 ? 'person' : 'bot';
    const status = next() < 0.97 ? '200' : '503';
    // k6 writes HTTP timings in ms with ns resolution (≤ 6 decimals); journey waits as whole ms.
    const value =
      metric === 'http_reqs' ? 1
      : metric === 'http_req_failed' ? (status === '200' ? 0 : 1)
      : metric === 'vus' ? Math.floor(next() * 500)
      : metric === 'sr_queue_wait' ? Math.round(Math.exp(6 + 4 * next()))
      : Math.round(Math.exp(2 + 3 * next()) * 1e6) / 1e6;
    const url = `http://127.0.0.1:8080/${step}?item=${Math.floor(next() * 40)}`;
    buffer +=
      `{"metric":"${metric}","type":"Point","data":{"time":"${time}","value":${value},"tags":{"actor":"${actor}",` +
      `"expected_response":"${status === '200'}","group":"","method":"GET","name":"${step}","proto":"HTTP/1.1",` +
      `"scenario":"people","status":"${status}","step":"${step}","tls_version":"","url":"${url}"}}}\n`;
    if (buffer.length > 1 << 20) {
      if (!gzip.write(buffer)) await new Promise((resolve) => gzip.once('drain', resolve));
      buffer = '';
    }
  }
  gzip.end(buffer);
  await done;
}
