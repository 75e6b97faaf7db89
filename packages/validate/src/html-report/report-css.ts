/**
 * The page's only style: system fonts (nothing fetched), status colours backed by words and
 * symbols, and a print style that opens every collapsed table and keeps figures whole.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #ccc; --pass: #0b6e4f; --fail: #b3261e; --inconclusive: #8a5a00; --info: #1f4e79; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 1rem 1.5rem 3rem; line-height: 1.45; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.2rem; }
.notice { border: 2px solid var(--fail); background: #fff4f2; padding: 0.6rem 0.9rem; font-weight: 600; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; padding: 0; list-style: none; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
details.data, details.checks { margin: 0.4rem 0 0.8rem; }
details > summary { cursor: pointer; color: var(--info); }
figure.chart { margin: 1.6rem 0; break-inside: avoid; page-break-inside: avoid; }
.reading { margin: 0.1rem 0 0.5rem; color: var(--muted); }
.svg svg { max-width: 100%; height: auto; }
.badge { display: inline-block; font-weight: 700; font-size: 0.8rem; padding: 0.05rem 0.4rem; border: 1px solid currentColor; border-radius: 3px; white-space: nowrap; }
.status-pass .badge, .badge.status-pass { color: var(--pass); }
.status-fail .badge, .badge.status-fail { color: var(--fail); background: #fdecea; }
.status-inconclusive .badge, .badge.status-inconclusive { color: var(--inconclusive); background: #fff6e0; }
.status-info .badge, .badge.status-info { color: var(--info); }
ul.counts { list-style: none; padding: 0; display: flex; gap: 1.2rem; flex-wrap: wrap; }
.gates .title { color: var(--muted); font-weight: normal; }
.note { color: var(--muted); font-size: 0.9rem; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { color: var(--ink); }
  h2 { break-after: avoid; }
  .scroll { overflow: visible; }
}
`;
