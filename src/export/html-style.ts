/** The HTML report's stylesheet, inlined into the page (no external resource). */
export const HTML_STYLE = `
:root { --ink: #1b1f24; --muted: #5b6470; --line: #d9dee5; --bg: #f6f7f9; --accent: #1f3a5f; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 28px; margin: 0 0 6px; color: var(--accent); }
h2 { font-size: 19px; margin: 0 0 10px; color: var(--accent); }
h3 { font-size: 16px; margin: 22px 0 8px; }
h3 .sub { font-weight: normal; color: var(--muted); font-size: 14px; margin-left: 6px; }
.lead { margin: 0 0 12px; color: var(--muted); max-width: 760px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13px; color: var(--muted); }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
header, section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin-bottom: 18px; }
code.key { overflow-wrap: normal; }
code { font: 12.5px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #3d4652; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; background: none; border: 0; padding: 0; }
.card { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 8px; padding: 12px 14px; }
.card .value { font-size: 26px; font-weight: 700; }
.card .label { color: var(--muted); font-size: 13px; }
.card.attention { border-left-color: #d08a1e; }
.card.ok { border-left-color: #3a9a5b; }
.note { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
.attention-text { color: #8a5a12; }
figure { margin: 0; }
svg.chart { display: block; width: 100%; max-width: 880px; height: auto; }
.two-col { display: grid; grid-template-columns: 3fr 2fr; gap: 18px; align-items: start; }
.two-col > section { margin-bottom: 18px; }
.two-col table.compact { width: 100%; }
td.bar-cell, th.bar-cell { width: 22%; padding-left: 0; }
.bar { display: block; height: 10px; border-radius: 2px; margin-top: 5px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.status-bar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; background: #eef0f3; margin: 4px 0 12px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.status-seg.accepted { background: #3a9a5b; }
.status-seg.edited { background: #2f6db5; }
.status-seg.ignored { background: #9aa3ae; }
.status-seg.proposed { background: #e0a43a; }
svg .grid { stroke: #e6e9ee; }
svg .axis { stroke: #9aa3ae; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .bar-label { font-weight: 600; }
svg .seg-value { font-size: 11px; font-weight: 600; }
svg .bar-total { font-weight: 700; }
.legend { list-style: none; margin: 10px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; }
.legend code { font-size: 11.5px; color: var(--muted); }
.legend .n { color: var(--muted); }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.swatch.empty { background: transparent; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { background: #eef1f5; font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.compact { width: auto; min-width: 60%; }
tr.non-personal td { color: var(--muted); }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; white-space: nowrap; border: 1px solid transparent; }
.badge.proposed { background: #fff4e0; color: #8a5a12; border-color: #f0d29c; }
.badge.accepted { background: #e5f5ea; color: #1f6b3a; border-color: #a9dbb8; }
.badge.edited { background: #e6eefb; color: #1f4d8f; border-color: #aac4ee; }
.badge.ignored { background: #eef0f3; color: #4b5563; border-color: #cfd4db; }
.badge.new { background: #eef6ff; color: #1f4d8f; }
.badge.removed, .badge.undeclared { background: #fdecec; color: #9b2c2c; border-color: #f1b5b5; }
.used-by { margin: 0 0 8px; padding-left: 18px; font-size: 13.5px; }
p.used-by { padding-left: 0; }
.warnings li, .undeclared li { margin: 2px 0; }
footer { color: var(--muted); font-size: 12.5px; padding: 4px 4px 0; }
@media (max-width: 900px) { .cards { grid-template-columns: repeat(2, 1fr); } .two-col { grid-template-columns: 1fr; } main { padding: 16px; } }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  header, section { border: 0; padding: 0; margin-bottom: 14px; }
  .cards { grid-template-columns: repeat(5, 1fr); }
  .status-seg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th { position: static; }
  thead { display: table-header-group; }
  tr, figure, .card { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .badge, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
