/** The look every saleready page shares: run, analyzed-run and history reports. */
import { CHART_FONT } from './chart-specs.ts';

export const VERDICT_COLOURS = { pass: '#1a7f37', fail: '#cf222e', inconclusive: '#9a6700' } as const;

export const REPORT_STYLE = `
:root { color-scheme: light; }
body { font-family: ${CHART_FONT}; margin: 0; background: #f6f8fa; color: #1f2328; line-height: 1.45; }
main { max-width: 1080px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.4rem; margin: 0 0 4px; } h2 { font-size: 1.15rem; margin: 32px 0 8px; }
.sub { color: #59636e; margin: 0 0 16px; }
.verdict { color: #fff; border-radius: 10px; padding: 20px 24px; margin: 16px 0; }
.verdict strong { display: block; font-size: 2.4rem; letter-spacing: 0.04em; } .verdict span { font-size: 1.1rem; }
.notice { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 10px 14px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #d1d9e0; padding: 6px 10px; text-align: left; vertical-align: top; }
th { background: #eff2f5; } td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.chip { color: #fff; border-radius: 999px; padding: 2px 10px; font-weight: 600; white-space: nowrap; }
.note { color: #59636e; font-size: 0.9em; }
figure { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; margin: 12px 0; padding: 12px; overflow-x: auto; }
figcaption { font-weight: 600; margin-bottom: 6px; }
.strip { display: flex; gap: 8px; overflow-x: auto; } .strip img { border: 1px solid #d1d9e0; border-radius: 4px; }
footer { color: #59636e; font-size: 0.85em; margin-top: 32px; }
.headline { font-size: 1.25rem; font-weight: 600; margin: 12px 0; }
figure svg { max-width: 100%; height: auto; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .page { break-before: page; }
  figure, tr, li, .verdict, .headline, .decision { break-inside: avoid; }
  h2, h3, figcaption { break-after: avoid; }
  figure { overflow: visible; }
}
`;
