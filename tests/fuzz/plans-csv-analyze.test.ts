/**
 * Fuzz (issue 12, "Also"): a seeded generator of a few hundred hostile inputs — sale plans
 * (YAML/JSON), capacity CSVs and `analyze` inputs — run through the CLI's own `main()` in this
 * process (the real commands, parsers and files; only stdout is recorded). Every case must end
 * as promised: exit 0 (or 1 for analyze's missed targets) or exit 2 naming its file, field or
 * line; never a stack trace, an "unexpected failure" (exit 70), `undefined` or `NaN` in what a
 * person reads, nor a hang (each case has a time limit; all of them together ≤ 60 s).
 * The seed is fixed, so a failure names a case that can be replayed: FUZZ_SEED=n to explore.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../harness/cli/main.ts';
import { createRecordingOutput } from '../../harness/cli/output.ts';
import { createMulberry32 } from '../../harness/random.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 12);
const dir = useTempDir('fuzz');
const repoRoot = join(import.meta.dirname, '..', '..');

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Values that break parsers: wrong types, edges of numbers, text where numbers go, deep nesting. */
const HOSTILE_VALUES: readonly string[] = [
  '-1',
  '0',
  '0.5',
  '-0',
  '1e12',
  '1e308',
  '-1e308',
  '5e-324',
  '.inf',
  '-.inf',
  '.nan',
  '"12"',
  'null',
  '~',
  '[]',
  '{}',
  'true',
  '"Infinity"',
  '"NaN"',
  '"<script>alert(1)</script>"',
  '"\\u001b[2J\\u001b[32mPASS"',
  '"\\u200b"',
  '!!js/function "function () { return 1 }"',
  `${'['.repeat(200)}1${']'.repeat(200)}`,
  '*undefinedAlias',
  '"' + 'x'.repeat(5000) + '"',
  '99999999999999999999999',
  '0x10',
  '1_000',
  '10080',
  '10081',
];

const PLAN_FIELDS: readonly string[] = [
  'people',
  'stock',
  'perPersonLimit',
  'unitsPerPerson',
  'opensAt',
  'arrival.earlyShare',
  'arrival.earlyMinutes',
  'arrival.burstShare',
  'arrival.burstMinutes',
  'arrival.tailMinutes',
  'arrival.preQueue',
  'capacity.peoplePerMinute',
  'journeyMinutes',
  'journey',
  'waitingRoom.admissionRatePerMinute',
  'waitingRoom.maxActiveUsers',
  'sessionTtlMinutes',
  'ticketTtlMinutes',
  'reloginRequeues',
  'sleepShare',
  'sleepMinutes',
  'patience.kind',
  'patience.minutes',
  'patience.medianMinutes',
  'patience.sigma',
  'bots.share',
  'bots.ticketsPerBot',
  'soldOutAnnouncement',
  'targets.maxWaitMinutes',
  'decision.admissionMargin',
  'decision.maxRounds',
  'decision.raffleDemandRatio',
  'seed',
  'language',
  'unknownField',
  'capacity.profile',
];

/** A small valid plan (fast to simulate) as nested entries; one field is then made hostile. */
function basePlan(random: Random): Record<string, Record<string, string> | string> {
  return {
    name: 'fuzz',
    people: String(500 + Math.floor(random() * 2000)),
    stock: String(50 + Math.floor(random() * 500)),
    perPersonLimit: '1',
    arrival: { earlyShare: '0.2', earlyMinutes: '10', burstShare: '0.6', burstMinutes: '2', tailMinutes: '20' },
    capacity: { peoplePerMinute: String(50 + Math.floor(random() * 500)) },
    journeyMinutes: '2',
    waitingRoom: { admissionRatePerMinute: '100' },
    sessionTtlMinutes: '20',
    reloginRequeues: pick(random, ['true', 'false']),
    patience: random() < 0.5 ? { kind: 'infinite' } : { kind: 'lognormal', medianMinutes: '30', sigma: '1' },
    bots: { share: '0.05', ticketsPerBot: '3' },
    targets: { maxWaitMinutes: '10' },
  };
}

function planYaml(plan: Record<string, Record<string, string> | string>): string {
  return Object.entries(plan)
    .map(([key, value]) =>
      typeof value === 'string'
        ? `${key}: ${value}`
        : `${key}:\n${Object.entries(value)
            .map(([k, v]) => `  ${k}: ${v}`)
            .join('\n')}`,
    )
    .join('\n');
}

function hostilePlan(random: Random, index: number): { path: string; culprit: string[] } {
  const path = join(dir, `plan-${index}.yaml`);
  const roll = random();
  if (roll < 0.08) {
    // Not a plan at all: garbage, an empty file, YAML that does not parse, an alias bomb.
    const text = pick(random, [
      '',
      '\u0000\u0001\u0002binary',
      ': : :',
      'people: [1, 2',
      '- just\n- a list',
      `a: &a [${'x, '.repeat(50)}x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e]`,
      'people: 10\npeople: 20',
      '{"people": 1e999}',
    ]);
    writeFileSync(path, text);
    return { path, culprit: [path] };
  }
  const plan = basePlan(random);
  const changes = 1 + Math.floor(random() * 2);
  const fields: string[] = [];
  for (let n = 0; n < changes; n++) {
    const field = pick(random, PLAN_FIELDS);
    const value = pick(random, HOSTILE_VALUES);
    fields.push(field);
    const [group, key] = field.split('.');
    if (key === undefined) plan[group!] = value;
    else {
      const current = plan[group!];
      plan[group!] = { ...(typeof current === 'object' ? current : {}), [key]: value };
    }
  }
  const asJson = random() < 0.15;
  const text = asJson
    ? JSON.stringify(
        Object.fromEntries(
          Object.entries(plan).map(([k, v]) => [
            k,
            typeof v === 'string'
              ? parseLoosely(v)
              : Object.fromEntries(Object.entries(v).map(([a, b]) => [a, parseLoosely(b)])),
          ]),
        ),
      )
    : planYaml(plan);
  writeFileSync(path, text);
  return { path, culprit: [path, ...fields.map((field) => field.split('.')[0]!)] };
}

/** A hostile YAML value as the closest JSON value (for the JSON variant of a plan). */
function parseLoosely(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function hostileCsv(random: Random, index: number): { path: string; culprit: string[] } {
  const path = join(dir, `measurements-${index}.csv`);
  const header = pick(random, [
    'load,throughput',
    'N,X,R',
    'vus;rps',
    'users\ttps',
    'Load (users),Throughput (req/s)',
    'load,load,throughput',
    'a,b',
    '',
    '"load","throughput"',
    '\ufeffload,throughput',
  ]);
  const rows: string[] = [];
  const count = pick(random, [0, 1, 2, 3, 5, 8, 20]);
  for (let row = 0; row < count; row++) {
    const load = random() < 0.85 ? String(1 + Math.floor(random() * 64)) : pick(random, HOSTILE_VALUES.slice(0, 16));
    const throughput =
      random() < 0.85 ? (100 * random() * Number(load) || 1).toFixed(2) : pick(random, HOSTILE_VALUES.slice(0, 16));
    const separator = header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
    rows.push(
      random() < 0.05
        ? `${load}${separator}${throughput}${separator}extra${separator}more`
        : random() < 0.05
          ? `"${load}`
          : `${load}${separator}${throughput}`,
    );
  }
  writeFileSync(path, `${[header, ...rows].join(random() < 0.2 ? '\r\n' : '\n')}\n`);
  return { path, culprit: [path] };
}

const k6Fixture = readFileSync(join(repoRoot, 'fixtures', 'results', 'small-sale.json.gz'));
const artilleryFixture = readFileSync(join(repoRoot, 'fixtures', 'results', 'artillery-crowd.json'), 'utf8');

function hostileAnalyzeInput(random: Random, index: number): { path: string; culprit: string[] } {
  const kind = pick(random, [
    'k6-lines',
    'k6-gzip-cut',
    'k6-gzip-corrupt',
    'artillery-field',
    'garbage',
    'empty',
    'csv-header',
  ]);
  let path = join(dir, `output-${index}.json`);
  switch (kind) {
    case 'k6-lines': {
      const lines = [
        '{"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"http_reqs"}',
      ];
      for (let n = 0; n < 30; n++) {
        const value = random() < 0.8 ? '1' : pick(random, ['-1', '1e308', '"x"', 'null', 'NaN', '[]']);
        const time =
          random() < 0.9
            ? `"2026-11-25T19:53:0${n % 10}.000Z"`
            : pick(random, ['"yesterday"', '0', 'null', '"9999-99-99"']);
        const tags =
          random() < 0.9
            ? `{"name":"${pick(random, ['a', 'b', '\\u001b[31m', '<b>x</b>'])}"}`
            : pick(random, ['null', '[]', '"tags"', '{"name":{"deep":1}}']);
        lines.push(
          random() < 0.05
            ? '{"metric":"http_reqs","type":"Point","data":'
            : `{"metric":"http_reqs","type":"Point","data":{"time":${time},"value":${value},"tags":${tags}}}`,
        );
      }
      writeFileSync(path, `${lines.join('\n')}\n`);
      break;
    }
    case 'k6-gzip-cut':
      path = join(dir, `output-${index}.json.gz`);
      writeFileSync(path, k6Fixture.subarray(0, Math.floor(k6Fixture.length * (0.2 + 0.7 * random()))));
      break;
    case 'k6-gzip-corrupt': {
      path = join(dir, `output-${index}.json.gz`);
      const copy = Buffer.from(k6Fixture);
      const at = Math.floor(copy.length * (0.3 + 0.6 * random()));
      for (let i = at; i < Math.min(copy.length, at + 32); i++) copy[i] = copy[i]! ^ 0xa5;
      writeFileSync(path, copy);
      break;
    }
    case 'artillery-field': {
      const report = JSON.parse(artilleryFixture) as { aggregate: Record<string, unknown>; intermediate: unknown[] };
      const target = pick(random, ['counters', 'summaries', 'firstCounterAt', 'period', 'rates']);
      report.aggregate[target] = parseLoosely(pick(random, HOSTILE_VALUES.slice(0, 18)));
      if (random() < 0.3)
        report.intermediate = parseLoosely(pick(random, ['null', '{}', '"x"', '[1, 2]'])) as unknown[];
      const text = JSON.stringify(report);
      if (random() < 0.3) {
        path = join(dir, `output-${index}.json.gz`);
        writeFileSync(path, gzipSync(text));
      } else writeFileSync(path, text);
      break;
    }
    case 'garbage':
      writeFileSync(
        path,
        pick(random, [
          '\u0000\u00ff\u00fe',
          'hello world',
          '{',
          '[]',
          '{"aggregate": 1}',
          'metric_name,timestamp\n',
          '\u001f\u008b\u0008garbage',
        ]),
      );
      break;
    case 'empty':
      writeFileSync(path, '');
      break;
    case 'csv-header':
      path = join(dir, `output-${index}.csv`);
      writeFileSync(
        path,
        `metric_name,timestamp,metric_value,name\n${Array.from({ length: 20 }, (_, n) => `http_reqs,${pick(random, [String(1764100382 + n), 'x', '', '-1'])},${pick(random, ['1', '', 'NaN', '1e308'])},${pick(random, ['a', '"b,c"', '"unclosed'])}`).join('\n')}\n`,
      );
      break;
  }
  return { path, culprit: [path] };
}

interface Case {
  readonly name: string;
  readonly args: string[];
  readonly culprit: readonly string[];
  readonly exits: readonly number[];
}

function generate(seed: number): Case[] {
  const random = createMulberry32(seed);
  const cases: Case[] = [];
  for (let i = 0; i < 120; i++) {
    const { path, culprit } = hostilePlan(random, i);
    cases.push({
      name: `plan ${i}`,
      args: ['plan', path, '--out', join(dir, 'plans'), '--json'],
      culprit,
      exits: [0, 2],
    });
  }
  for (let i = 0; i < 100; i++) {
    const { path, culprit } = hostileCsv(random, i);
    const latency = random() < 0.3 ? ['--latency-target', pick(random, ['0.05', '-1', 'abc', '1e308'])] : [];
    cases.push({
      name: `capacity fit ${i}`,
      args: ['capacity', 'fit', path, ...latency],
      culprit: [...culprit, ...latency.slice(0, 1)],
      exits: [0, 2],
    });
  }
  for (let i = 0; i < 80; i++) {
    const { path, culprit } = hostileAnalyzeInput(random, i);
    cases.push({
      name: `analyze ${i}`,
      args: ['analyze', path, '--out', join(dir, 'runs')],
      culprit,
      exits: [0, 1, 2],
    });
  }
  return cases;
}

/** Runs one case through main() with a time limit; what it printed and how it ended. */
async function runCase(args: readonly string[], limitMs: number): Promise<{ code: number | 'hung'; text: string }> {
  const output = createRecordingOutput();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), limitMs);
  });
  const code = await Promise.race([main(['node', 'saleready', ...args], output), hung]);
  clearTimeout(timer);
  return { code, text: [...output.lines, ...output.errors].join('\n') };
}

describe(`fuzz: hostile plans, capacity CSVs and analyze inputs (seed ${SEED})`, () => {
  const cases = generate(SEED);

  it('generates a few hundred cases of each kind, the same ones for the same seed', () => {
    expect(cases.length).toBe(300);
    expect(
      generate(SEED)
        .map((c) => c.args.join(' '))
        .slice(0, 5),
    ).toEqual(cases.map((c) => c.args.join(' ')).slice(0, 5));
  });

  it('every case ends as promised: exit 0/1/2, the culprit named, no stack, no undefined or NaN, no hang, all within 60 s', async () => {
    const started = Date.now();
    const problems: string[] = [];
    for (const fuzzCase of cases) {
      if (process.env.FUZZ_TRACE) process.stderr.write(`${fuzzCase.name}: ${fuzzCase.args.join(' ')}\n`);
      const { code, text } = await runCase(fuzzCase.args, 10_000);
      const input = readFileSync(fuzzCase.args[fuzzCase.args[0] === 'capacity' ? 2 : 1]!, 'utf8').slice(0, 200);
      const say = (what: string): void => {
        problems.push(
          `${fuzzCase.name} (${fuzzCase.args.join(' ')}): ${what}\n  input: ${JSON.stringify(input)}\n  said: ${text.slice(0, 600)}`,
        );
      };
      if (code === 'hung') {
        say('did not end within 10 s');
        continue;
      }
      if (!fuzzCase.exits.includes(code)) say(`exit ${code}`);
      if (/\n\s+at \S+ \(|unexpected failure/.test(text)) say('a stack trace or an unexpected failure');
      // "NaN" or "undefined" in the output is a defect unless the input itself said it (and the message quotes it).
      const full = readFileSync(fuzzCase.args[fuzzCase.args[0] === 'capacity' ? 2 : 1]!, 'latin1');
      const invented =
        (/\bundefined\b/.test(text) && !full.includes('undefined')) || (/\bNaN\b/.test(text) && !full.includes('NaN'));
      if (invented) say('"undefined" or "NaN" in the output, not from the input');
      if (code === 2 && !fuzzCase.culprit.some((culprit) => text.includes(culprit)))
        say(`exit 2 without naming ${fuzzCase.culprit.join(' or ')}`);
    }
    expect(problems, problems.join('\n\n')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
