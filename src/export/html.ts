/**
 * HTML writer: one self-contained page for a privacy officer (inline CSS, an inline SVG chart, no
 * script, no external resource), readable on screen and on paper. Plain-language headings, category
 * names with their keys, and every string from the files escaped.
 */
import { FIELD_STATUSES, isDecided } from '../fides/dataset-file/status.js';
import { VERSION } from '../version.js';
import type { DataMap, DataMapRow } from './data-map.js';
import { CHART_COLORS, stackedBarChart } from './html-chart.js';
import { escapeHtml as esc } from './html-escape.js';
import { HTML_STYLE } from './html-style.js';
import { summarize, type DataMapSummary } from './summary.js';

const STATUS_LABEL: Record<DataMapRow['status'], string> = {
  proposed: 'Not reviewed',
  accepted: 'Accepted',
  edited: 'Set by a reviewer',
  ignored: 'Ignored by a reviewer',
};

export function toHtml(map: DataMap, generatedAt: Date): string {
  const s = summarize(map.rows);
  const colors = new Map(s.byTopLevelCategory.map((g, i) => [g.topLevelCategory, CHART_COLORS[i % CHART_COLORS.length]]));
  const groupName = new Map(s.byTopLevelCategory.map((g) => [g.topLevelCategory, g.name ?? g.topLevelCategory]));
  const hasSystems = map.systemsFile !== null;
  const body = [
    header(map, generatedAt),
    cards(s),
    chartSection(s, colors, groupName),
    `<div class="two-col">\n${categorySection(s, colors)}\n${reviewSection(s)}\n</div>`,
    hasSystems ? systemsSection(map.rows, s) : '',
    fieldsSection(map.rows, colors, hasSystems, map.allFields),
    map.warnings.length > 0 ? `<section><h2>Warnings</h2><ul class="warnings">${map.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>` : '',
    footer(),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="piiscout ${esc(VERSION)}">
<title>Personal data map</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
${body.filter((b) => b !== '').join('\n')}
</main>
</body>
</html>
`;
}

function header(map: DataMap, generatedAt: Date): string {
  const files = map.files.map((f) => `<code>${esc(f)}</code>`).join(', ');
  return `<header>
<h1>Personal data map</h1>
<p class="lead">Where personal data is stored, by dataset, table and field, with the Fides data category of each field and whether a person has reviewed it.</p>
<dl class="meta">
<dt>Generated</dt><dd>${esc(formatDate(generatedAt))} by piiscout ${esc(VERSION)}</dd>
<dt>Dataset files</dt><dd>${files}</dd>
${map.systemsFile ? `<dt>Systems</dt><dd><code>${esc(map.systemsFile)}</code></dd>` : ''}
</dl>
</header>`;
}

function cards(s: DataMapSummary): string {
  const personalCategories = s.byCategory.length;
  const pct = s.fields === 0 ? 100 : Math.floor((100 * s.reviewedFields) / s.fields);
  const card = (value: string | number, label: string, extra = ''): string => `<div class="card${extra}"><div class="value">${esc(String(value))}</div><div class="label">${esc(label)}</div></div>`;
  return `<section class="cards" aria-label="Totals">
${card(s.personalFields, 'fields hold personal data')}
${card(personalCategories, 'kinds of personal data (categories)')}
${card(s.datasets, s.datasets === 1 ? 'dataset' : 'datasets')}
${card(s.tables, 'tables')}
${card(`${pct}%`, `of listed fields reviewed by a person (${s.reviewedFields} of ${s.fields})`, pct < 100 ? ' attention' : ' ok')}
</section>`;
}

function chartSection(s: DataMapSummary, colors: Map<string, string>, groupName: Map<string, string>): string {
  if (s.topLevelByDataset.length === 0) return '<section><h2>Personal data per dataset</h2><p>No personal data found.</p></section>';
  const bars = s.topLevelByDataset.map((d) => ({
    label: d.dataset,
    segments: d.groups.map((g) => ({ key: g.topLevelCategory, label: `${groupName.get(g.topLevelCategory)} (${g.topLevelCategory})`, value: g.fields })),
  }));
  const legend = s.byTopLevelCategory
    .map((g) => `<li><span class="swatch" style="background:${colors.get(g.topLevelCategory)}"></span>${esc(g.name ?? g.topLevelCategory)} <code>${esc(g.topLevelCategory)}</code> <span class="n">${g.fields}</span></li>`)
    .join('');
  return `<section>
<h2>Personal data per dataset</h2>
<p class="note">Number of fields in each dataset per group of personal data. A field with data of two groups counts in both.</p>
<figure>
${stackedBarChart(bars, colors, 'Fields with personal data per dataset, by category group')}
<figcaption><ul class="legend">${legend}</ul></figcaption>
</figure>
</section>`;
}

function categorySection(s: DataMapSummary, colors: Map<string, string>): string {
  if (s.byCategory.length === 0) return '';
  const max = Math.max(1, ...s.byCategory.map((c) => c.fields));
  const rows = s.byCategory
    .map(
      (c) =>
        `<tr><td>${swatch(colors, c.topLevelCategory)}${esc(c.name ?? '(not in the taxonomy)')}</td><td>${keyHtml(c.category)}</td>` +
        `<td class="num">${c.fields}</td><td class="bar-cell"><span class="bar" style="width:${Math.round((100 * c.fields) / max)}%;background:${colors.get(c.topLevelCategory) ?? '#999'}"></span></td></tr>`,
    )
    .join('\n');
  return `<section>
<h2>Kinds of personal data found</h2>
<table class="compact"><thead><tr><th>Data category</th><th>Fides key</th><th class="num">Fields</th><th class="bar-cell"></th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

function reviewSection(s: DataMapSummary): string {
  const total = Math.max(1, s.fields);
  // Decisions first, what still needs review last.
  const order = [...FIELD_STATUSES.filter(isDecided), ...FIELD_STATUSES.filter((st) => !isDecided(st))];
  const counts = new Map(s.byStatus.map((x) => [x.status, x.fields]));
  const bar = order
    .filter((st) => (counts.get(st) ?? 0) > 0)
    .map((st) => `<span class="status-seg ${st}" style="width:${((100 * counts.get(st)!) / total).toFixed(2)}%" title="${STATUS_LABEL[st]}: ${counts.get(st)}"></span>`)
    .join('');
  const list = order
    .map((st) => `<tr><td><span class="badge ${st}">${STATUS_LABEL[st]}</span></td><td class="num">${counts.get(st) ?? 0}</td><td class="num muted">${Math.round((100 * (counts.get(st) ?? 0)) / total)}%</td></tr>`)
    .join('\n');
  const reviewedPersonal = s.byDataset.map((d) => `<tr><td>${esc(d.dataset)}</td><td class="num">${d.reviewedFields} of ${d.fields}</td></tr>`).join('\n');
  return `<section>
<h2>Review status</h2>
<p class="note">Fields listed in this report, by the decision recorded in the dataset files.</p>
<div class="status-bar" role="img" aria-label="Review status">${bar}</div>
<table class="compact"><tbody>
${list}
</tbody></table>
<h3>Reviewed per dataset</h3>
<table class="compact"><tbody>
${reviewedPersonal}
</tbody></table>
</section>`;
}

function systemsSection(rows: readonly DataMapRow[], s: DataMapSummary): string {
  const systems = new Map<string, { name: string; datasets: Set<string>; uses: Set<string>; subjects: Set<string> }>();
  for (const r of rows) {
    if (!r.system) continue;
    let x = systems.get(r.system.key);
    if (!x) systems.set(r.system.key, (x = { name: r.system.name, datasets: new Set(), uses: new Set(), subjects: new Set() }));
    x.datasets.add(r.dataset);
    for (const u of r.dataUses) x.uses.add(u.name);
    for (const d of r.dataSubjects) x.subjects.add(d.name);
  }
  const list = (set: Set<string>): string => [...set].sort().map(esc).join('<br>');
  const body = [...systems.entries()]
    .sort((a, b) => (a[1].name < b[1].name ? -1 : 1))
    .map(([key, x]) => `<tr><td>${esc(x.name)}<br><code>${esc(key)}</code></td><td>${list(x.datasets)}</td><td>${list(x.uses)}</td><td>${list(x.subjects)}</td></tr>`)
    .join('\n');
  const undeclared = s.undeclared.length
    ? `<p class="note attention-text">Found in the data but not declared in the system's privacy declarations for that dataset:</p><ul class="undeclared">${s.undeclared
        .map((u) => `<li>${esc(u.system)}: <code>${esc(u.category)}</code> in ${esc(u.dataset)} (${u.fields} field${u.fields === 1 ? '' : 's'})</li>`)
        .join('')}</ul>`
    : '<p class="note">Every personal data category found is declared by the systems that use the dataset.</p>';
  return `<section>
<h2>Systems that use these datasets</h2>
${body ? `<table class="compact"><thead><tr><th>System</th><th>Datasets</th><th>Purposes (data uses)</th><th>Individuals (data subjects)</th></tr></thead><tbody>\n${body}\n</tbody></table>` : '<p>No system in the manifest references these datasets.</p>'}
${undeclared}
</section>`;
}

/**
 * One table per dataset, one line per field and category: the systems (which depend on the dataset
 * only) go in the dataset's heading, and a line says which of them do not declare its category.
 */
function fieldsSection(rows: readonly DataMapRow[], colors: Map<string, string>, hasSystems: boolean, allFields: boolean): string {
  const byDataset = new Map<string, Map<string, DataMapRow[]>>();
  for (const r of rows) {
    let lines = byDataset.get(r.dataset);
    if (!lines) byDataset.set(r.dataset, (lines = new Map()));
    const key = `${r.table}\u0000${r.field}\u0000${r.category ?? ''}`;
    let same = lines.get(key);
    if (!same) lines.set(key, (same = []));
    same.push(r);
  }
  const head = `<thead><tr><th>Table</th><th>Field</th><th>Data category</th><th>Status</th><th class="num">Confidence</th><th>Reviewer decision</th>${
    hasSystems ? '<th>Declared by the systems</th>' : ''
  }</tr></thead>`;
  const tables = [...byDataset.entries()].map(([dataset, lines]) => {
    const all = [...lines.values()].flat();
    const fields = new Set(all.map((r) => `${r.table}\u0000${r.field}`)).size;
    const tableCount = new Set(all.map((r) => r.table)).size;
    const body = [...lines.values()].map((same) => fieldRow(same, colors, hasSystems)).join('\n');
    return `<h3>${esc(dataset)} <span class="sub">${fields} field${fields === 1 ? '' : 's'} in ${tableCount} table${tableCount === 1 ? '' : 's'}</span></h3>
${hasSystems ? datasetSystems(all) : ''}
<table class="fields">${head}<tbody>
${body}
</tbody></table>`;
  });
  return `<section>
<h2>${allFields ? 'All fields' : 'Fields with personal data'}</h2>
${tables.join('\n') || '<p>No fields to list.</p>'}
</section>`;
}

/** "Used by System for Purpose, about Individuals", once per system that references the dataset. */
function datasetSystems(rows: readonly DataMapRow[]): string {
  const systems = new Map<string, DataMapRow>();
  for (const r of rows) if (r.system && !systems.has(r.system.key)) systems.set(r.system.key, r);
  if (systems.size === 0) return '<p class="used-by muted">No system in the manifest references this dataset.</p>';
  const items = [...systems.values()].map((r) => {
    const uses = r.dataUses.map((u) => esc(u.name)).join(', ') || 'no declared purpose';
    const subjects = r.dataSubjects.map((u) => esc(u.name)).join(', ') || 'no declared individuals';
    return `<li><strong>${esc(r.system!.name)}</strong> for ${uses}; individuals: ${subjects}</li>`;
  });
  return `<ul class="used-by">${items.join('')}</ul>`;
}

/** One line for a field and category; `same` holds its rows, one per system. */
function fieldRow(same: readonly DataMapRow[], colors: Map<string, string>, hasSystems: boolean): string {
  const r = same[0];
  const category = r.category === null
    ? '<span class="muted">no category</span>'
    : `${r.topLevelCategory ? swatch(colors, r.topLevelCategory) : ''}${esc(r.categoryName ?? '(not in the taxonomy)')}<br>${keyHtml(r.category)}`;
  const marker = r.marker === 'removed' ? ' <span class="badge removed">gone from the database</span>' : r.marker === 'new' ? ' <span class="badge new">new</span>' : '';
  let declared = '';
  if (hasSystems) {
    const withSystem = same.filter((x) => x.system && x.declared !== null);
    const missing = withSystem.filter((x) => x.declared === false).map((x) => esc(x.system!.name));
    declared = `<td>${
      withSystem.length === 0 ? '<span class="muted">–</span>'
      : missing.length === 0 ? '<span class="muted">yes</span>'
      : `<span class="badge undeclared">not declared</span> ${withSystem.length > 1 ? `<span class="muted">by ${missing.join(', ')}</span>` : ''}`
    }</td>`;
  }
  return `<tr${r.personal ? '' : ' class="non-personal"'}><td>${esc(r.table)}</td><td><code>${esc(r.field)}</code>${marker}</td><td>${category}</td><td><span class="badge ${r.status}">${STATUS_LABEL[r.status]}</span></td><td class="num">${
    r.confidence === null ? '' : r.confidence.toFixed(2)
  }</td><td>${esc(r.decision)}</td>${declared}</tr>`;
}

/** A taxonomy key that wraps only after its dots. */
function keyHtml(key: string): string {
  return `<code class="key">${esc(key).replaceAll('.', '.<wbr>')}</code>`;
}

function swatch(colors: Map<string, string>, group: string): string {
  const color = colors.get(group);
  return color ? `<span class="swatch" style="background:${color}"></span>` : '<span class="swatch empty"></span>';
}

function footer(): string {
  return `<footer>
<p><strong>Status:</strong> <em>Not reviewed</em> — proposed by piiscout from column names, sampled values and types, not yet checked by a person;
<em>Accepted</em> — a reviewer confirmed the category; <em>Set by a reviewer</em> — a reviewer chose the category;
<em>Ignored by a reviewer</em> — a reviewer chose not to classify the field (its categories stay in the file, so Fides still sees them).
<strong>Confidence</strong> is piiscout's estimate (0–1) for a proposal. No sampled value is part of this report.</p>
<p>Data categories, data uses and data subjects: the Fides taxonomy (fideslang), © Ethyca, Inc., CC BY 4.0.</p>
</footer>`;
}

function formatDate(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
