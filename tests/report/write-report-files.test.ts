import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunSummary, writeReportFiles } from '../../harness/report/index.ts';
import { buildFixtureSummary } from './fixture-summary.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('write');

describe('writeReportFiles', () => {
  it('writes summary.json (valid against the schema), report.html, report.md and junit.xml', async () => {
    const summary = await buildFixtureSummary();
    const files = await writeReportFiles(dir, summary, { lang: 'en' });
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'report.html', 'report.md', 'summary.json']);
    const written = parseRunSummary(JSON.parse(readFileSync(files.summaryJson, 'utf8')));
    expect(written).toEqual(summary);
    expect(readFileSync(files.html, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('refuses to write a summary that breaks the schema', async () => {
    const summary = await buildFixtureSummary();
    await expect(writeReportFiles(dir, { ...summary, durationMs: -1 })).rejects.toThrow(/durationMs/);
  });
});
