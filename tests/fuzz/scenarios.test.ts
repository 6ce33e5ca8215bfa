/**
 * Fuzz test of the scenario inputs and the `--target` flag: a seeded generator makes a few
 * hundred hostile scenarios (wrong types; huge, negative, NaN and infinite numbers; deep
 * nesting; odd unicode; control characters; unknown keys; missing fields; YAML tags, aliases
 * and broken syntax) and hostile target URLs. Each goes through the CLI's loading path —
 * in-process for speed (loadScenario, and `saleready run` through main() for a sample), and a
 * few through the real bin — and must end as promised: valid, or exit 2 naming the culprit,
 * with no stack trace, no `undefined`/`NaN`, no control characters, no run folder, no hang.
 * Plans, CSVs and analyze inputs have their own fuzz file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTargetUrl } from '../../harness/cli/target-guard.ts';
import { main } from '../../harness/cli/main.ts';
import { createRecordingOutput } from '../../harness/cli/output.ts';
import { ExitCode, UsageError } from '../../harness/errors.ts';
import { createMulberry32 } from '../../harness/random.ts';
import { loadScenario } from '../../harness/scenario/index.ts';
import { closedPort } from '../helpers/closed-port.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = useTempDir('fuzz-scenarios');

const random = createMulberry32(20261130);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A deep value, written straight as text (a recursive writer would overflow on it too). */
interface Deep {
  readonly deep: number;
  readonly as: 'array' | 'object';
}
const isDeep = (value: unknown): value is Deep =>
  typeof value === 'object' && value !== null && 'deep' in value && 'as' in value;

const BASE = {
  name: 'fuzz',
  description: 'a fuzzed sale',
  sale: { stock: 50, perPersonLimit: 1 },
  crowd: {
    people: 500,
    arrivals: {
      early: { share: 0.2, windowMinutes: 5 },
      burst: { share: 0.5, durationMinutes: 2 },
      tail: { durationMinutes: 10 },
    },
    patience: { kind: 'exponential', meanMinutes: 10 },
  },
  behaviour: { pollIntervalSeconds: 20, onTicketExpired: 'rejoin' },
  timeScale: 10,
  targets: { latency: { checkout: { p95: 800 } }, errorRate: 0.01 },
};

const FIELDS: readonly (readonly string[])[] = [
  ['name'],
  ['description'],
  ['target'],
  ['target', 'url'],
  ['target', 'shop'],
  ['target', 'shop', 'sessionTtlMs'],
  ['target', 'shop', 'secret'],
  ['target', 'shop', 'seed'],
  ['target', 'shop', 'faults', 'slowdowns'],
  ['target', 'shop', 'service', 'workers'],
  ['sale'],
  ['sale', 'stock'],
  ['sale', 'perPersonLimit'],
  ['sale', 'durationMinutes'],
  ['crowd'],
  ['crowd', 'people'],
  ['crowd', 'arrivals'],
  ['crowd', 'arrivals', 'early', 'share'],
  ['crowd', 'arrivals', 'burst', 'durationMinutes'],
  ['crowd', 'arrivals', 'tail', 'durationMinutes'],
  ['crowd', 'patience'],
  ['crowd', 'patience', 'kind'],
  ['crowd', 'patience', 'meanMinutes'],
  ['behaviour'],
  ['behaviour', 'pollIntervalSeconds'],
  ['behaviour', 'onTicketExpired'],
  ['behaviour', 'retryOnError'],
  ['behaviour', 'quantity'],
  ['bots'],
  ['bots', 'count'],
  ['bots', 'rings', 'size'],
  ['bots', 'skipQueue', 'forgedToken'],
  ['browsers'],
  ['probes'],
  ['timeScale'],
  ['targets'],
  ['targets', 'latency', 'checkout', 'p95'],
  ['targets', 'errorRate'],
  ['targets', 'servedShare'],
  ['targets', 'oversold'],
];

const ODD_TEXT = [
  '',
  ' ',
  '\u0000',
  '\u001b[2J\u001b]0;PASS\u0007',
  'line\nbreak',
  'tab\there',
  '\u202eevil\u202c',
  'zero\u200bwidth',
  '🛒🔥',
  '\ud800',
  'undefined',
  'NaN',
  'javascript:alert(1)',
  'http://user:pw@127.0.0.1:1',
  'ftp://127.0.0.1/',
  '{{ $processEnvironment.HOME }}',
  '${process.exit(1)}',
  'A'.repeat(5000),
  '\u2028\u2029',
];
const ODD_NUMBERS = [
  0,
  -1,
  -0.5,
  0.5,
  1e308,
  1e12,
  1e-300,
  2 ** 53 + 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
];
const ODD_TYPES: readonly unknown[] = ['text', true, false, [], {}, null, [1, 2], { a: 1 }];
const ODD_KEYS = ['behavior', 'constructor', 'toString', '\u0000', 'k'.repeat(300), 'crowd ', 'Name', '\u001b[31m'];

function hostileValue(): unknown {
  switch (Math.floor(random() * 4)) {
    case 0:
      return pick(ODD_TEXT);
    case 1:
      return pick(ODD_NUMBERS);
    case 2:
      return pick(ODD_TYPES);
    default:
      return { deep: pick([33, 40, 200, 1000, 5000, 6000]), as: pick(['array', 'object'] as const) } satisfies Deep;
  }
}

type Mutation = {
  readonly kind: 'set' | 'delete' | 'unknown-key';
  readonly path: readonly string[];
  readonly key?: string;
};

/** A copy of BASE with one (sometimes two) hostile changes, and the paths they were made at. */
function mutate(): { value: Record<string, unknown>; mutations: Mutation[] } {
  const value = structuredClone(BASE) as Record<string, unknown>;
  const mutations: Mutation[] = [];
  const count = random() < 0.8 ? 1 : 2;
  for (let index = 0; index < count; index += 1) {
    const path = pick(FIELDS);
    const kind = pick(['set', 'set', 'set', 'delete', 'unknown-key'] as const);
    let parent = value;
    for (const key of path.slice(0, -1)) {
      if (parent[key] === null || typeof parent[key] !== 'object' || Array.isArray(parent[key]) || isDeep(parent[key]))
        parent[key] = {};
      parent = parent[key] as Record<string, unknown>;
    }
    const last = path.at(-1)!;
    if (kind === 'set') parent[last] = hostileValue();
    else if (kind === 'delete') delete parent[last];
    const key = pick(ODD_KEYS);
    if (kind === 'unknown-key')
      Object.defineProperty(parent, key, {
        value: hostileValue(),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    mutations.push(kind === 'unknown-key' ? { kind, path: path.slice(0, -1), key } : { kind, path });
  }
  return { value, mutations };
}

/** JSON text; NaN and infinities as JSON cannot say them (1e999 reads back as Infinity). */
function toJson(value: unknown): string {
  if (isDeep(value))
    return value.as === 'array'
      ? `${'['.repeat(value.deep)}1${']'.repeat(value.deep)}`
      : `${'{"a":'.repeat(value.deep)}1${'}'.repeat(value.deep)}`;
  if (typeof value === 'number')
    return Number.isNaN(value)
      ? '"NaN"'
      : value === Infinity
        ? '1e999'
        : value === -Infinity
          ? '-1e999'
          : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** YAML flow text (JSON-like, which YAML reads), with YAML's own .nan and .inf. */
function toYaml(value: unknown): string {
  if (isDeep(value)) return toJson(value);
  if (typeof value === 'number')
    return Number.isNaN(value)
      ? '.nan'
      : value === Infinity
        ? '.inf'
        : value === -Infinity
          ? '-.inf'
          : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toYaml).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}: ${toYaml((value as Record<string, unknown>)[key])}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

interface Case {
  readonly label: string;
  readonly file: string;
  /** Top-level fields (or `(root)`) a refusal may name; null: a syntax error, named by its line. */
  readonly culprits: readonly string[] | null;
}

function culpritsOf(mutations: readonly Mutation[]): string[] {
  // an unknown key at the top is named by itself when its value is refused first (too deep)
  return mutations.flatMap((mutation) => [
    mutation.path[0] ?? '(root)',
    '(root)',
    ...(mutation.key && mutation.path.length === 0 ? [mutation.key.slice(0, 20), '"'] : []),
  ]);
}

const YAML_SPECIALS: readonly [string, string][] = [
  ['a !!js/function tag', `name: tagged\nsale: !!js/function 'function () { return 1 }'\n`],
  ['a !!python/object tag', `name: tagged\nsale: !!python/object:os.system [ls]\n`],
  ['a local tag', `name: tagged\ndescription: !evil x\n`],
  ['a !!binary tag', `name: tagged\ndescription: !!binary aGVsbG8=\n`],
  [
    'an alias bomb',
    `name: bomb\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
  ],
  ['duplicate keys', `name: a\nname: b\n`],
  ['two documents', `name: a\n---\nname: b\n`],
  ['tab indentation', `sale:\n\tstock: 1\n`],
  ['an empty file', ''],
  ['only a comment', '# nothing here\n'],
  ['a bare scalar', 'hello\n'],
  ['a null document', '~\n'],
  ['a list at the top', '- name: x\n'],
  ['a complex key', '? [a, b]\n: 1\n'],
  ['an unclosed flow', 'name: [a, b\n'],
  ['CRLF line endings and a BOM', `\ufeffname: crlf\r\nsale: { stock: 0 }\r\n`],
  ['a merge key', `base: &b { stock: 1 }\nsale: { <<: *b, stock: 0 }\n`],
];
const JSON_SPECIALS: readonly [string, string][] = [
  ['a trailing comma', '{"name": "x",}'],
  ['a comment', '{"name": "x" /* hi */}'],
  ['a __proto__ key', `{"__proto__": {"polluted": true}, ${toJson(BASE).slice(1)}`],
  ['a bare number', '42'],
  ['nothing', ''],
  ['a string with control characters', '"\\u0000\\u001b[2J"'],
];

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (let index = 0; index < 260; index += 1) {
    const { value, mutations } = mutate();
    const asYaml = random() < 0.5;
    const file = join(dir, `case-${index}.${asYaml ? 'yaml' : 'json'}`);
    writeFileSync(file, asYaml ? toYaml(value) : toJson(value));
    cases.push({
      label: `${index}: ${mutations.map((mutation) => `${mutation.kind} ${mutation.path.join('.') || '(root)'}`).join(', ')}`,
      file,
      culprits: culpritsOf(mutations),
    });
  }
  YAML_SPECIALS.forEach(([label, text], index) => {
    const file = join(dir, `special-${index}.yaml`);
    writeFileSync(file, text);
    cases.push({ label: `YAML with ${label}`, file, culprits: null });
  });
  JSON_SPECIALS.forEach(([label, text], index) => {
    const file = join(dir, `special-${index}.json`);
    writeFileSync(file, text);
    cases.push({ label: `JSON with ${label}`, file, culprits: null });
  });
  const invalidUtf8 = join(dir, 'invalid-utf8.yaml');
  writeFileSync(invalidUtf8, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]));
  cases.push({ label: 'YAML with invalid UTF-8', file: invalidUtf8, culprits: null });
  return cases;
}

const CASES = buildCases();

/** What every message to a person must be: no stack frames, no undefined/NaN, no raw control characters. */
function expectCleanMessage(message: string): void {
  expect(message).not.toMatch(/\n\s+at (?:\S+ \()?(?:file:|node:|\/)\S+:\d+/);
  expect(message).not.toMatch(/node:internal|Maximum call stack/);
  // a value the user wrote ("NaN" as text) may be shown in quotes; saleready's own words never say it
  expect(message).not.toMatch(/(?<!")\b(?:undefined|NaN)\b(?!")/);
  expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
}

describe('fuzzed scenario files, through loadScenario', () => {
  it(`${CASES.length} hostile scenarios each end valid or as exit 2 naming the culprit, fast`, async () => {
    let refused = 0;
    const started = Date.now();
    for (const testCase of CASES) {
      const caseStarted = Date.now();
      try {
        await loadScenario(testCase.file);
      } catch (error) {
        refused += 1;
        expect(error, testCase.label).toBeInstanceOf(UsageError);
        const { message, exitCode } = error as UsageError;
        expect(exitCode, testCase.label).toBe(ExitCode.usage);
        expectCleanMessage(message);
        if (testCase.culprits)
          expect(
            testCase.culprits.some((field) => message.includes(`→ at ${field}`)),
            `${testCase.label}\n${message}`,
          ).toBe(true);
        else
          expect(message, testCase.label).toMatch(
            /line \d+|position \d+|→ at |is not valid JSON|not plain data|exports no scenario|aliases|is empty: /,
          );
      }
      expect(Date.now() - caseStarted, testCase.label).toBeLessThan(2000);
    }
    expect(refused).toBeGreaterThan(CASES.length * 0.6);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('fuzzed scenarios through `saleready run`, in-process', () => {
  let port = 0;
  beforeAll(async () => {
    port = await closedPort();
  });

  it('a sample of 40 ends with exit 2 (refused) or 3 (valid, the target does not answer), and never leaves a run folder', async () => {
    const sample = CASES.filter((_, index) => index % Math.floor(CASES.length / 40) === 0).slice(0, 40);
    for (const testCase of sample) {
      const outDir = join(dir, 'runs', String(sample.indexOf(testCase)));
      const output = createRecordingOutput();
      const code = await main(
        ['node', 'saleready', 'run', testCase.file, '--target', `http://127.0.0.1:${port}`, '--out', outDir],
        output,
      );
      expect([ExitCode.usage, ExitCode.environment], `${testCase.label}\n${output.errors.join('\n')}`).toContain(code);
      for (const line of output.errors) expectCleanMessage(line);
      expect(existsSync(outDir) ? readdirSync(outDir) : [], testCase.label).toEqual([]);
    }
  });
});

describe('fuzzed --target values', () => {
  const hosts = [
    '127.0.0.1:8080',
    'localhost:1',
    '[::1]:9',
    'evil.localhost:1',
    '198.51.100.5',
    'xn--80ak6aa92e.com',
    '0x7f.1',
    '2130706433',
    '127.1',
    '[::ffff:127.0.0.1]',
  ];
  const values = Array.from({ length: 120 }, () => {
    const scheme = pick(['http://', 'https://', 'HTTP://', 'ftp://', 'javascript:', '', 'http:/', 'http:\\\\']);
    const userinfo = pick(['', '', '', 'user:pw@', ':@', 'a@']);
    const tail = pick([
      '',
      '/',
      '/shop',
      '/a b',
      '/?q=1',
      '/#x',
      '/%0a',
      '/\nconfig:',
      '/\u0000',
      '/{{x}}',
      '/"\'`',
      '/\u2028',
    ]);
    return `${scheme}${userinfo}${pick(hosts)}${tail}`;
  });

  it('each is refused (exit 2, naming --target, no password repeated) or normalised to a safe URL on loopback', () => {
    for (const value of [...values, '', ' ', '\t', 'http://', '//127.0.0.1', 'http://127.0.0.1:99999']) {
      let url: string | null = null;
      let refusal: unknown = null;
      try {
        url = checkTargetUrl(value, false);
      } catch (error) {
        refusal = error;
      }
      if (url !== null) {
        expect(url, JSON.stringify(value)).toMatch(
          /^https?:\/\/(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])(?::\d+)?(?:\/[^\s"`{}<>\\]*)?$/,
        );
        continue;
      }
      expect(refusal, JSON.stringify(value)).toBeInstanceOf(UsageError);
      const { message, exitCode } = refusal as UsageError;
      expect(exitCode).toBe(ExitCode.usage);
      expect(message).toMatch(/^--target /);
      expect(message).not.toContain('pw@');
      expectCleanMessage(message);
    }
  });
});

describe('the real bin, a sample', () => {
  const bin = join(root, 'bin', 'saleready.js');
  const node = join(root, 'node_modules', '.bin', 'node');
  const run = (args: string[], timeoutMs = 20_000) =>
    spawnSync(node, [bin, ...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { ...process.env, NO_COLOR: '1' },
    });
  const harnessScenario = pathToFileURL(join(root, 'harness', 'scenario', 'index.ts')).href;
  const commonjs = join(dir, 'commonjs-package');
  mkdirSync(commonjs, { recursive: true });
  writeFileSync(join(commonjs, 'package.json'), '{"name":"shop-tests"}');
  const valid = join(dir, 'valid.json');
  writeFileSync(valid, toJson(BASE));

  it('a 5,000-deep description: exit 2 naming the field, no stack overflow', () => {
    const file = join(dir, 'bin-deep.json');
    writeFileSync(file, `${toJson(BASE).slice(0, -1)},"description":${toJson({ deep: 5000, as: 'object' })}}`);
    const result = run(['run', file, '--out', join(dir, 'bin-runs')]);
    expect(result.status, result.stderr).toBe(ExitCode.usage);
    expect(result.stderr).toContain('→ at description');
    expectCleanMessage(result.stderr);
  });

  it('a YAML !!js/function tag: exit 2, no Node warning', () => {
    const file = join(dir, 'bin-tag.yaml');
    writeFileSync(file, `name: tagged\ndescription: !!js/function 'function () { return 1 }'\n`);
    const result = run(['run', file, '--out', join(dir, 'bin-runs')]);
    expect(result.status, result.stderr).toBe(ExitCode.usage);
    expect(result.stderr).not.toMatch(/Warning|YAMLWarning/);
  });

  it('--target "" and --target with a line break: exit 2, no run folder', () => {
    for (const target of ['', 'http://127.0.0.1:1/\nconfig:\n  processor: "./evil.js"']) {
      const out = join(dir, 'bin-runs-target');
      const result = run(['run', valid, '--target', target, '--out', out]);
      expect(result.status, result.stderr).toBe(ExitCode.usage);
      expect(result.stderr).toMatch(/--target/);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
  });

  it('a .ts outside a module package loads as an ES module (top-level await); a broken one is exit 2 with its file and line', async () => {
    const port = await closedPort();
    const loads = join(commonjs, 'awaits.ts');
    writeFileSync(
      loads,
      `import { defineScenario } from '${harnessScenario}';\nconst people: number = await Promise.resolve(500);\nexport default defineScenario({ ...${toJson(BASE)}, crowd: { ...${toJson(BASE.crowd)}, people } });\n`,
    );
    const loaded = run(['run', loads, '--target', `http://127.0.0.1:${port}`, '--out', join(dir, 'bin-runs')]);
    // it loaded and planned: what stops it is the target that does not answer (exit 3)
    expect(loaded.status, loaded.stderr).toBe(ExitCode.environment);
    expect(loaded.stderr).toMatch(/unreachable/);

    // (a syntax error, a missing export and an async throw: tests/scenario/import-scenario-module.test.ts, in-process)
    const broken: [string, string, RegExp][] = [
      [
        'missing-import.ts',
        `// a helper never written\nimport { stock } from './prices.ts';\nexport default { stock };\n`,
        /:2\b/,
      ],
    ];
    for (const [name, source, line] of broken) {
      const file = join(commonjs, name);
      writeFileSync(file, source);
      const result = run(['run', file, '--out', join(dir, 'bin-runs')]);
      expect(result.status, result.stderr).toBe(ExitCode.usage);
      expect(result.stderr).toContain(file);
      expect(result.stderr.slice(result.stderr.indexOf(file) + file.length)).toMatch(line);
      expect(result.stderr).not.toMatch(/Require stack|cjs/);
      expectCleanMessage(result.stderr);
    }
  });

  it('gate with a scenario that calls process.exit(0) at import: exit 2, not a pass', () => {
    const file = join(commonjs, 'exits.ts');
    writeFileSync(file, `process.exit(0);\nexport default {};\n`);
    const result = run(['gate', '--scenario', file, '--out', join(dir, 'bin-runs')]);
    expect(result.status, result.stderr).toBe(ExitCode.usage);
    expect(result.stderr).toContain('process.exit');
    expect(result.stdout).not.toContain('PASS');
  });

  it('a .ts that loops at import: SIGTERM stops it at once (exit 4), no hang', () => {
    const file = join(commonjs, 'loops.ts');
    writeFileSync(file, `while (true) {}\nexport default {};\n`);
    const started = Date.now();
    const result = spawnSync(
      'sh',
      [
        '-c',
        `"${node}" "${bin}" run "${file}" --out "${join(dir, 'bin-runs')}" & pid=$!; sleep 2; kill -TERM $pid; wait $pid`,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(Date.now() - started).toBeLessThan(8000);
    expect(result.status, result.stderr).toBe(ExitCode.interrupted);
    expect(result.stderr).toMatch(/interrupted while loading the scenario/);
  });
});
