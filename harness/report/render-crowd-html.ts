/**
 * The crowd parts of the HTML report: bots and bulk buying, bypass attempts, fairness and
 * lost places, real browsers (a strip of screenshots per person) and probe findings.
 */
import { escapeHtml } from './escape.ts';
import { formatDuration, formatNumber, formatPercent } from './format-figures.ts';
import type { RunSummary } from './run-summary.ts';
import type { Language } from '../vocabulary.ts';

/** Reads a run-folder file (a screenshot) for embedding; null when it is not there. */
export type AssetReader = (file: string) => Uint8Array | null;

const say = (lang: Language, en: string, ko: string): string => (lang === 'ko' ? ko : en);
const h = escapeHtml;

function table(id: string, head: readonly string[], rows: readonly (readonly string[])[]): string {
  return (
    `<table id="${id}"><thead><tr>${head.map((cell) => `<th>${h(cell)}</th>`).join('')}</tr></thead><tbody>` +
    rows
      .map(
        (row) =>
          `<tr>${row.map((cell, i) => (i === 0 ? `<th>${h(cell)}</th>` : `<td class="num">${h(cell)}</td>`)).join('')}</tr>`,
      )
      .join('') +
    '</tbody></table>'
  );
}

function botsSection(summary: RunSummary, lang: Language): string {
  const bots = summary.crowd?.bots;
  if (!bots) return '';
  const parts = [`<h2>${h(say(lang, 'Bots and bulk buying', '봇과 대량 구매'))}</h2>`];
  const share = bots.shareOfStock === null ? '—' : formatPercent(bots.shareOfStock);
  parts.push(
    `<p id="bot-share">${h(
      say(
        lang,
        `${formatNumber(bots.accounts)} bot accounts in ${formatNumber(bots.rings)} rings bought ${formatNumber(bots.units)} units: ${share} of the stock.`,
        `봇 계정 ${formatNumber(bots.accounts)}개(${formatNumber(bots.rings)}개 조직)가 ${formatNumber(bots.units)}개를 샀습니다: 재고의 ${share}.`,
      ),
    )}</p>`,
  );
  const over = bots.ringsOverAddressLimit ?? 0;
  const shopOver = bots.shopAddressesOverLimit;
  parts.push(
    `<p id="bulk-buying" data-rings-over-limit="${over}" data-units-over-limit="${bots.unitsOverAddressLimit ?? 0}">${h(
      over > 0 || (shopOver ?? 0) > 0
        ? say(
            lang,
            `Bulk buying: ${formatNumber(over)} rings bought more to one delivery address than the per-address limit allows (${formatNumber(bots.unitsOverAddressLimit ?? 0)} units over it${shopOver === null ? '' : `; the shop counted ${formatNumber(shopOver)} addresses over the limit`}).`,
            `대량 구매: ${formatNumber(over)}개 조직이 한 배송지로 주소당 한도를 넘겨 샀습니다(한도 초과 ${formatNumber(bots.unitsOverAddressLimit ?? 0)}개${shopOver === null ? '' : `, 상점 집계 한도 초과 주소 ${formatNumber(shopOver)}곳`}).`,
          )
        : say(
            lang,
            'No delivery address received more than the per-address limit.',
            '주소당 한도를 넘겨 받은 배송지는 없습니다.',
          ),
    )}</p>`,
  );
  const kinds = Object.entries(bots.bypass);
  if (kinds.length > 0) {
    const kindWords: Record<string, string> = {
      no_token: say(lang, 'checkout without an admission token', '입장 토큰 없이 결제'),
      forged_token: say(lang, 'forged admission token', '위조 입장 토큰'),
      replayed_token: say(lang, 'token replayed from another session', '다른 세션의 토큰 재사용'),
    };
    parts.push(
      table(
        'bypass',
        [
          say(lang, 'Attempt to skip the queue', '대기열 우회 시도'),
          say(lang, 'refused', '거부됨'),
          say(lang, 'let through', '통과됨'),
          say(lang, 'error', '오류'),
        ],
        kinds.map(([kind, results]) => [
          kindWords[kind] ?? kind,
          formatNumber(results.refused ?? 0),
          formatNumber(results.let_through ?? 0),
          formatNumber(results.error ?? 0),
        ]),
      ),
    );
  }
  return parts.join('\n');
}

function fairnessSection(summary: RunSummary, lang: Language): string {
  const crowd = summary.crowd;
  if (!crowd) return '';
  const parts = [`<h2>${h(say(lang, 'Fairness and lost places', '공정성과 순번 상실'))}</h2><ul id="fairness">`];
  const fairness = crowd.fairness;
  if (fairness) {
    parts.push(
      `<li>${h(
        say(
          lang,
          `Admission order: ${formatPercent(fairness.invertedShare)} of pairs of people were admitted in the reverse of their arrival order; ${formatNumber(fairness.peopleOvertaken)} of ${formatNumber(fairness.people)} admitted people were overtaken (at most by ${formatNumber(fairness.maxOvertakenBy)} people). Reversals within ${formatDuration(fairness.toleranceSaleMs, lang)} (one poll) are not counted.`,
          `입장 순서: 사람 쌍의 ${formatPercent(fairness.invertedShare)}가 도착 순서와 반대로 입장했습니다. 입장한 ${formatNumber(fairness.people)}명 중 ${formatNumber(fairness.peopleOvertaken)}명이 추월당했습니다(최대 ${formatNumber(fairness.maxOvertakenBy)}명에게). ${formatDuration(fairness.toleranceSaleMs, lang)}(폴링 1회) 이내의 역전은 세지 않았습니다.`,
        ),
      )}</li>`,
    );
  }
  const lost = crowd.waitedAndLost;
  const threshold = formatDuration(lost.thresholdSaleMs, lang);
  const median = lost.waitedSaleTime.p50 === null ? '—' : formatDuration(lost.waitedSaleTime.p50, lang);
  parts.push(
    `<li id="waited-and-lost" data-people="${lost.people}">${h(
      say(
        lang,
        `Waited and lost: ${formatNumber(lost.people)} times a person who had waited over ${threshold} (sale time) lost their place to an expiry — the failure of the 2021 sale. In all ${formatNumber(lost.lostPlaces)} places were lost (median wait before losing it ${median}).`,
        `기다리다 잃음: ${threshold}(판매 시간) 넘게 기다린 사람이 만료로 순번을 잃은 경우가 ${formatNumber(lost.people)}번 — 2021년 판매의 실패입니다. 잃은 순번은 모두 ${formatNumber(lost.lostPlaces)}개(잃기 전 대기 시간 중앙값 ${median}).`,
      ),
    )}</li></ul>`,
  );
  return parts.join('\n');
}

function dataUri(bytes: Uint8Array, file: string): string {
  const type = file.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

function browsersSection(summary: RunSummary, lang: Language, readAsset: AssetReader | undefined): string {
  const browsers = summary.browsers;
  if (!browsers || browsers.length === 0) return '';
  const ms = (value: number | null): string => (value === null ? '—' : formatDuration(value, lang));
  const parts = [`<h2>${h(say(lang, 'What people saw in a real browser', '실제 브라우저에서 본 화면'))}</h2>`];
  for (const person of browsers) {
    parts.push(
      `<figure class="browser" data-person="${h(person.person)}" data-outcome="${h(person.outcome)}"><figcaption>${h(person.person)}: ${h(person.outcome)}` +
        ` · ${h(say(lang, 'queue page after', '대기 화면까지'))} ${h(ms(person.queueShownMs))}` +
        ` · ${h(say(lang, 'admitted after', '입장까지'))} ${h(ms(person.admissionMs))}` +
        ` · ${h(person.movedOnByItself ? say(lang, 'the queue page moved on by itself', '대기 화면이 스스로 넘어감') : say(lang, 'the queue page did not move on', '대기 화면이 넘어가지 않음'))}` +
        ` · ${h(say(lang, 'order confirmed after', '주문 확인까지'))} ${h(ms(person.confirmationMs))}` +
        `${person.message ? `<div class="note">${h(person.message)}</div>` : ''}` +
        `${person.trace ? `<div class="note">trace: <code>${h(person.trace)}</code></div>` : ''}</figcaption><div class="strip">`,
    );
    for (const shot of person.screenshots) {
      const bytes = readAsset?.(shot.file) ?? null;
      parts.push(
        bytes
          ? `<img src="${dataUri(bytes, shot.file)}" alt="${h(`${person.person} ${shot.step}`)}" title="${h(`${shot.step} · ${ms(shot.atMs)}`)}" width="240">`
          : `<span class="note">${h(shot.file)}</span>`,
      );
    }
    parts.push('</div></figure>');
  }
  return parts.join('\n');
}

function probesSection(summary: RunSummary, lang: Language): string {
  const probes = summary.probes;
  if (!probes) return '';
  const verdictWords = {
    held: say(lang, 'held', '막음'),
    bypassed: say(lang, 'BYPASSED', '뚫림'),
    inconclusive: say(lang, 'inconclusive', '판정 불가'),
  };
  const rows = probes.findings.map(
    (finding) =>
      `<tr data-probe="${h(finding.id)}" data-verdict="${finding.verdict}"><th>${h(finding.title[lang])}</th><td>${h(finding.severity)}</td>` +
      `<td>${h(verdictWords[finding.verdict])}</td><td>${h(finding.observed[lang])}${finding.verdict === 'bypassed' ? `<div class="note">${h(say(lang, 'Fix: ', '고치는 법: '))}${h(finding.fix[lang])}</div>` : ''}</td></tr>`,
  );
  return (
    `<h2>${h(say(lang, 'Queue-integrity probes', '대기열 무결성 점검'))}</h2>` +
    `<table id="probes"><thead><tr><th>${h(say(lang, 'Probe', '점검'))}</th><th>${h(say(lang, 'Severity', '심각도'))}</th><th>${h(say(lang, 'Result', '결과'))}</th><th>${h(say(lang, 'What happened', '내용'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** The recommendations, high severity first, right after the targets. */
export function renderRecommendationsHtml(summary: RunSummary, lang: Language): string {
  const advice = summary.recommendations ?? [];
  if (advice.length === 0) return '';
  const order = { high: 0, medium: 1, low: 2 } as const;
  const items = [...advice]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((item) => `<li data-recommendation="${h(item.id)}" data-severity="${item.severity}">${h(item[lang])}</li>`);
  return `<h2>${h(say(lang, 'What to change', '바꿀 점'))}</h2><ul id="recommendations">${items.join('')}</ul>`;
}

export function renderCrowdHtml(summary: RunSummary, lang: Language, readAsset?: AssetReader): string {
  return [
    botsSection(summary, lang),
    fairnessSection(summary, lang),
    browsersSection(summary, lang, readAsset),
    probesSection(summary, lang),
  ]
    .filter(Boolean)
    .join('\n');
}
