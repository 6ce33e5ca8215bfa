/**
 * Untrusted text — tag values and names from someone else's k6 output, a run name — reaching
 * report.md and the terminal (issue 12, Low 19). In markdown it is escaped (no raw HTML, no
 * markdown that changes the page); on the terminal control characters are stripped (no ANSI
 * or OSC sequence that clears the screen, retitles the window or paints a fake green PASS).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, stripControlCharacters } from '../../harness/report/escape.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('untrusted');
const FAKE_PASS = '\u001b[2J\u001b[H\u001b[32m✔ PASS · all targets met\u001b[0m';
const RETITLE = '\u001b]0;owned\u0007';
const HTML = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const MARKDOWN = '**bold** [link](https://evil.example) | cell `code`\n# heading';

/** k6 JSON output whose request names are hostile. */
function hostileK6Output(): string {
  const lines = [
    JSON.stringify({
      type: 'Metric',
      data: { name: 'http_reqs', type: 'counter', contains: 'default', thresholds: [], submetrics: null },
      metric: 'http_reqs',
    }),
    JSON.stringify({
      type: 'Metric',
      data: { name: 'http_req_duration', type: 'trend', contains: 'time', thresholds: [], submetrics: null },
      metric: 'http_req_duration',
    }),
    JSON.stringify({
      type: 'Metric',
      data: { name: 'http_req_failed', type: 'rate', contains: 'default', thresholds: [], submetrics: null },
      metric: 'http_req_failed',
    }),
  ];
  const names = [FAKE_PASS, RETITLE, HTML, MARKDOWN];
  for (let i = 0; i < 200; i++) {
    const time = new Date(Date.UTC(2026, 10, 25, 19, 53, 2) + i * 50).toISOString();
    const tags = { name: names[i % names.length], method: 'GET', status: '200', scenario: `s${RETITLE}` };
    for (const [metric, value] of [
      ['http_reqs', 1],
      ['http_req_duration', 10 + (i % 7)],
      ['http_req_failed', 0],
    ] as const) {
      lines.push(JSON.stringify({ metric, type: 'Point', data: { time, value, tags } }));
    }
  }
  const path = join(dir, 'hostile.json');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('untrusted text in reports and on the terminal', () => {
  it('escapeMarkdownText leaves no HTML tag, link, emphasis, heading or table break; stripControlCharacters no escape sequence', () => {
    const md = escapeMarkdownText(`${HTML} ${MARKDOWN}`);
    expect(md).not.toMatch(/<[a-z/]/i);
    expect(md).not.toMatch(/(?<!\\)[*[\]`|]/);
    expect(md).not.toContain('\n');
    const shown = stripControlCharacters(`${FAKE_PASS}${RETITLE}\r fake line\u009b31m`);
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(shown).toContain('✔ PASS');
  });

  it('analyze with hostile tag values: the terminal gets no control character, report.md no raw HTML or markdown', async () => {
    const out = join(dir, 'reports');
    const result = await runCli([
      'analyze',
      hostileK6Output(),
      '--out',
      out,
      '--name',
      `run ${HTML}`,
      '--group-by',
      'name,scenario',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const [name] = readdirSync(out);
    const markdown = readFileSync(join(out, name!, 'report.md'), 'utf8');
    expect(markdown).not.toMatch(/<script|<img/i);
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(markdown).not.toContain('[link](https://evil.example)');
    expect(markdown).not.toMatch(/^# heading/m);
    // The values are still there to read, escaped.
    expect(markdown).toContain('alert(1)');
  });
});
