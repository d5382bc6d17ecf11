/** Styles of the review page: calm, high-contrast, with a visible focus outline on everything. */
export const PAGE_STYLE = String.raw`
:root {
  --ink: #1d2733; --muted: #5b6878; --faint: #8a96a3; --line: #dfe4ea; --soft: #f5f7f9; --paper: #ffffff;
  --accent: #2459b3; --accent-ink: #ffffff; --accent-soft: #e8effb;
  --ok: #1e7a4c; --ok-soft: #e4f4ea; --warn: #9a5b00; --warn-soft: #fdf1dc; --low: #b23b3b; --low-soft: #fbe9e9;
  --edit: #5a3fb0; --edit-soft: #eee9fb; --gray-soft: #eceff2;
  --focus: #1f5fd1; --radius: 6px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink); background: var(--paper);
}
* { box-sizing: border-box; }
/* The header stays put; the tree and the field list scroll on their own. */
body { margin: 0; height: 100vh; display: flex; flex-direction: column; overflow: hidden; }
code, .key { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.82em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: 8px; top: -40px; background: var(--accent); color: var(--accent-ink); padding: 6px 10px; border-radius: var(--radius); z-index: 10; }
.skip:focus { top: 8px; }

/* Header */
.top { display: flex; align-items: center; gap: 24px; padding: 12px 24px; border-bottom: 1px solid var(--line); background: var(--paper); }
.brand { display: flex; flex-direction: column; min-width: 0; }
.brand .app { font-size: 12px; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
.brand h1 { margin: 0; font-size: 19px; font-weight: 650; }
.brand .file { color: var(--muted); font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 42vw; }
.progress { margin-left: auto; min-width: 250px; }
.progress .count { font-size: 15px; }
.progress .count strong { font-size: 20px; font-weight: 700; margin-right: 4px; }
.progress .track { height: 6px; background: var(--gray-soft); border-radius: 3px; overflow: hidden; margin-top: 4px; }
.progress .fill { height: 100%; background: var(--ok); width: 0; transition: width .3s ease; }
.save-status { min-width: 170px; font-size: 13px; color: var(--muted); display: flex; align-items: center; gap: 8px; }
.save-status.saved { color: var(--ok); }
.save-status.error { color: var(--low); }
.save-status .dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; flex: none; }

/* Buttons and inputs */
button { font: inherit; font-size: 14px; color: var(--ink); background: var(--paper); border: 1px solid #c5ced8; border-radius: var(--radius); padding: 5px 11px; cursor: pointer; }
button:hover:not(:disabled) { background: var(--soft); border-color: #aab5c2; }
button:disabled { color: var(--faint); border-color: var(--line); cursor: not-allowed; background: var(--paper); }
button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
button.primary:hover:not(:disabled) { background: #1d4b99; border-color: #1d4b99; }
button.primary:disabled { background: #9fb3d6; border-color: #9fb3d6; color: #fff; }
button.link { border: none; background: none; color: var(--accent); padding: 2px 4px; text-decoration: underline; }
button.small { font-size: 13px; padding: 3px 9px; }
input[type=search], input[type=text], select { font: inherit; font-size: 14px; color: var(--ink); border: 1px solid #c5ced8; border-radius: var(--radius); padding: 5px 9px; background: var(--paper); }
input[type=checkbox] { width: 16px; height: 16px; accent-color: var(--accent); margin: 0; }
label { font-size: 13px; color: var(--muted); font-weight: 600; }

/* Banner for a file changed on disk or a failed request */
.banner { display: flex; align-items: center; gap: 16px; margin: 0; padding: 10px 24px; background: var(--warn-soft); color: #6b3f00; border-bottom: 1px solid #f0d39b; font-weight: 600; }
.banner[hidden] { display: none; }

/* Layout */
.layout { flex: 1; display: grid; grid-template-columns: 300px minmax(0, 1fr); min-height: 0; }
.tree { border-right: 1px solid var(--line); background: var(--soft); padding: 16px 10px; overflow: auto; overflow-anchor: none; }
.tree h2 { font-size: 12px; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); margin: 4px 8px 10px; }
/* One flat list (only the entries in view are in the page); a table sits under its dataset by its indent. */
.tree ul { list-style: none; margin: 0; padding: 0; }
.tree li.level-2 { margin-left: 14px; border-left: 1px solid var(--line); padding-left: 6px; }
.tree li.dataset { padding-top: 8px; }
.tree li.spacer { padding: 0; border: 0; }
.tree button { width: 100%; display: flex; align-items: center; gap: 8px; text-align: left; border: 1px solid transparent; background: transparent; padding: 5px 8px; border-radius: var(--radius); }
.tree button:hover { background: #e9edf2; }
.tree button[aria-current=true] { background: var(--accent-soft); border-color: #bcd0f0; color: #17407f; font-weight: 600; }
.tree .label { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tree .ds .label { font-weight: 600; }
.tree .icon { color: var(--faint); width: 14px; flex: none; text-align: center; }
.pill { font-size: 11.5px; border-radius: 10px; padding: 0 8px; line-height: 20px; white-space: nowrap; flex: none; }
.pill.todo { background: var(--warn-soft); color: var(--warn); font-weight: 600; }
.pill.done { background: var(--ok-soft); color: var(--ok); }

/* The field list keeps its own scroll anchor (client/virtual-list.ts); the padding keeps rows clear of the sticky header. */
main { padding: 20px 28px 40px; overflow: auto; min-width: 0; overflow-anchor: none; scroll-padding-top: 44px; }
.view-head h2 { margin: 0; font-size: 20px; font-weight: 650; overflow-wrap: anywhere; }
.view-head p { margin: 2px 0 16px; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 14px 18px; align-items: flex-end; padding: 12px 14px; background: var(--soft); border: 1px solid var(--line); border-radius: var(--radius); }
.filters .f { display: flex; flex-direction: column; gap: 4px; }
.filters input[type=search] { width: 200px; }
.filters select { max-width: 260px; }
.filters .range { display: flex; align-items: center; gap: 8px; height: 32px; }
.filters input[type=range] { width: 140px; accent-color: var(--accent); }
.filters output { font-variant-numeric: tabular-nums; min-width: 38px; font-weight: 600; }
.bulk { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin: 14px 0 8px; min-height: 34px; }
.bulk .sel-count { color: var(--muted); font-size: 14px; margin-right: 4px; }
.bulk .spacer { flex: 1; }

/* Field table: fixed column widths, as only the rows in view are in the page (client/virtual-list.ts) */
table.fields { width: 100%; border-collapse: separate; border-spacing: 0; font-size: 14px; table-layout: fixed; }
table.fields tr.spacer td { padding: 0; border: 0; }
table.fields th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; padding: 8px 10px; border-bottom: 2px solid var(--line); background: var(--paper); position: sticky; top: -20px; z-index: 1; }
table.fields td { padding: 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
tr.row { cursor: default; }
tr.row:hover td { background: #fafbfc; }
tr.row.current td { background: #f1f5fc; }
tr.row.current td:first-child { box-shadow: inset 3px 0 0 var(--accent); }
tr.row:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
tr.row.ignored .fname, tr.row.ignored .cats { opacity: .6; }
td.sel { padding-top: 13px; }
th.c-sel { width: 36px; }
th.c-conf { width: 165px; }
th.c-status { width: 160px; }
th.c-actions { width: 320px; }
.fname { font-weight: 600; overflow-wrap: anywhere; }
.fname .table-prefix { color: var(--muted); font-weight: 400; }
.fmeta { color: var(--muted); font-size: 12.5px; margin-top: 2px; display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.tag { font-size: 11.5px; border-radius: 4px; padding: 0 6px; line-height: 18px; background: var(--gray-soft); color: var(--muted); font-weight: 600; }
.tag.new { background: var(--accent-soft); color: var(--accent); }
.tag.removed { background: var(--low-soft); color: var(--low); }
button.why { display: block; text-align: left; margin-top: 4px; font-size: 12.5px; padding: 1px 0; border: none; background: none; color: var(--accent); }
button.why:hover:not(:disabled) { background: none; text-decoration: underline; }
.cats { display: flex; flex-direction: column; gap: 4px; }
.cat .cname { font-weight: 550; }
.cat .key { color: var(--muted); display: block; overflow-wrap: anywhere; }
.cat.unknown .cname { color: var(--low); }
.conf { width: 150px; }
.conf .num { font-variant-numeric: tabular-nums; font-weight: 600; }
.conf .bucket { color: var(--muted); font-size: 12.5px; margin-left: 6px; }
.conf .bar { height: 6px; background: var(--gray-soft); border-radius: 3px; overflow: hidden; margin-top: 5px; width: 120px; }
.conf .bar span { display: block; height: 100%; border-radius: 3px; }
.conf.high .bar span { background: var(--ok); }
.conf.medium .bar span { background: #d49a1e; }
.conf.low .bar span { background: var(--low); }
.conf .manual { color: var(--edit); font-weight: 600; font-size: 13px; }
.badge { display: inline-block; font-size: 12.5px; font-weight: 600; border-radius: 12px; padding: 1px 10px; white-space: nowrap; border: 1px solid transparent; }
.badge.proposed { background: var(--warn-soft); color: var(--warn); border-color: #f1d7a6; }
.badge.accepted { background: var(--ok-soft); color: var(--ok); border-color: #bfe3cc; }
.badge.edited { background: var(--edit-soft); color: var(--edit); border-color: #d5caf3; }
.badge.ignored { background: var(--gray-soft); color: var(--muted); border-color: #d5dbe1; }
td.actions { white-space: nowrap; text-align: right; }
td.actions button { margin-left: 4px; padding: 4px 10px; }
td.actions button.accept:not(:disabled) { border-color: #9fd0b2; color: var(--ok); }
tr.detail td { background: #fbfcfd; padding: 4px 16px 16px 46px; }
tr.detail[hidden] { display: none; }
.evidence h3 { font-size: 13px; margin: 10px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.evidence ul { margin: 0; padding-left: 18px; }
.evidence li { margin: 3px 0; }
.evidence .strength { color: var(--muted); }
.evidence .against { color: var(--low); font-weight: 600; }
.evidence p { margin: 4px 0; }
.evidence .folded { margin-top: 6px; }
.evidence button.more { padding: 2px 0; font-size: 13px; }
.evidence ul.nothing { color: var(--muted); }
.evidence ul.nothing[hidden] { display: none; }
.empty { padding: 40px 0; text-align: center; color: var(--muted); }

/* Dialogs */
dialog { border: 1px solid var(--line); border-radius: 10px; padding: 0; width: min(640px, 94vw); color: var(--ink); box-shadow: 0 18px 50px rgba(20, 30, 45, .25); }
dialog::backdrop { background: rgba(22, 32, 46, .38); }
.dlg { padding: 20px 22px; display: flex; flex-direction: column; gap: 10px; max-height: 86vh; }
.dlg h2 { margin: 0; font-size: 18px; }
.dlg .for { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; min-height: 30px; align-items: center; }
.chip { display: inline-flex; align-items: center; gap: 6px; background: var(--accent-soft); color: #17407f; border-radius: 14px; padding: 2px 4px 2px 10px; font-size: 13px; font-weight: 600; }
.chip button { border: none; background: transparent; padding: 0 6px; font-size: 15px; line-height: 1; color: #17407f; border-radius: 10px; }
.chips .none { color: var(--low); font-size: 13px; }
.dlg input[type=search] { width: 100%; padding: 8px 10px; font-size: 15px; }
.options { list-style: none; margin: 0; padding: 4px; border: 1px solid var(--line); border-radius: var(--radius); overflow: auto; max-height: 44vh; min-height: 120px; }
.options:focus-visible { outline-offset: 0; }
.options li { display: flex; gap: 10px; padding: 7px 10px; border-radius: 5px; cursor: pointer; }
.options li.active { background: var(--accent-soft); box-shadow: inset 0 0 0 2px #9ab6e6; }
.options li .box { width: 18px; height: 18px; flex: none; border: 1.5px solid #98a5b3; border-radius: 4px; margin-top: 2px; display: flex; align-items: center; justify-content: center; font-size: 13px; color: #fff; }
.options li[aria-selected=true] .box { background: var(--accent); border-color: var(--accent); }
.options .oname { font-weight: 600; }
.options .okey { color: var(--muted); margin-left: 8px; }
.options .odesc { color: var(--muted); font-size: 13px; }
.options .nomatch { color: var(--muted); cursor: default; }
.hint { margin: 0; font-size: 12.5px; color: var(--muted); }
kbd { font-family: inherit; font-size: 12px; border: 1px solid #c5ced8; border-bottom-width: 2px; border-radius: 4px; padding: 0 5px; background: var(--soft); color: var(--ink); }
.dlg-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 4px; }
/* Bulk accept confirmation */
.summary { overflow: auto; max-height: 50vh; }
.summary h3 { font-size: 13px; margin: 8px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.summary ul.counts { list-style: none; margin: 0; padding: 0; }
.summary ul.counts li { padding: 2px 0; }
.summary .n { display: inline-block; min-width: 3.2em; text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; margin-right: 4px; }
.summary .key, .summary .strength { color: var(--muted); }
.summary .band.high .n { color: var(--ok); }
.summary .band.medium .n { color: var(--warn); }
.summary .band.low .n, .summary .band.unrated .n { color: var(--low); }
.summary .warn { color: var(--warn); font-weight: 600; margin: 8px 0 0; }
.keys { display: grid; grid-template-columns: auto 1fr; gap: 8px 18px; margin: 4px 0; }
.keys dt { text-align: right; }
.keys dd { margin: 0; }
`;
