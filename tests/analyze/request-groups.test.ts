import { describe, expect, it } from 'vitest';
import { buildRequestGroups, chooseGroupTags, GROUP_TAGS } from '../../harness/analyze/index.ts';
import { DEFAULT_TAG_KEYS, ingestK6Output, measure } from '../../harness/results/index.ts';
import { rawJsonGz, readK6Summary } from '../results/fixture.ts';

// The recorded small-sale run (fixtures/results): two k6 scenarios, two request names.
describe('request groups of a k6 run', () => {
  it('groups by the tags that split the requests (scenario, name; method follows from name) and adds up exactly', async () => {
    const ingest = await ingestK6Output(rawJsonGz, { tagKeys: [...new Set([...DEFAULT_TAG_KEYS, ...GROUP_TAGS])] });
    const by = chooseGroupTags(ingest);
    expect(by).toEqual(['scenario', 'name']);
    const groups = buildRequestGroups(ingest, by, 1);
    const k6 = readK6Summary();
    expect(groups.rows.reduce((sum, row) => sum + row.requests, 0)).toBe(k6.http_reqs!.count);
    expect(groups.rows.reduce((sum, row) => sum + row.latency.count, 0)).toBe(k6.http_req_duration!.count);
    for (const row of groups.rows) {
      const selector = `http_req_duration{scenario:${row.tags.scenario},name:${row.tags.name}}`;
      expect(row.latency.p95).toBeCloseTo(measure(ingest, selector, 'p95')!.value!, 9);
      expect(Object.values(row.statuses).reduce((sum, n) => sum + n, 0)).toBe(row.requests);
      // Buckets over time add up to the group's total.
      expect(
        groups.timeline.filter((point) => point.key === row.key).reduce((sum, point) => sum + point.requests, 0),
      ).toBe(row.requests);
    }
    expect(groups.rows.map((row) => row.requests)).toEqual(
      [...groups.rows.map((row) => row.requests)].sort((a, b) => b - a),
    );
  });
});
