/**
 * The HTML report's chart, drawn server-side as inline SVG (no script, no chart library): one
 * horizontal stacked bar per dataset, one segment per category group, with a value axis.
 */
import { escapeHtml } from './html-escape.js';

export interface ChartBar {
  readonly label: string;
  readonly segments: readonly { readonly key: string; readonly label: string; readonly value: number }[];
}

/** Distinct on screen and in greyscale print order; category groups take them by frequency. */
export const CHART_COLORS = [
  '#2f6db5', '#e07b39', '#3a9a5b', '#c64a4a', '#8064b4', '#8c6246', '#d36fad', '#6b7280', '#b5a22f', '#2aa3b5',
  '#9cc3ec', '#f3b88a', '#95d0a6', '#ee9c9c', '#c2b3e0', '#cbb3a2', '#f0b7d9', '#c5c9d0', '#e2d68c', '#93d6e0',
];

const MAX_LABEL = 30;
const BAR_AREA = 620;
const TOTAL_WIDTH = 60;
const BAR_HEIGHT = 26;
const GAP = 14;
const TOP = 10;
const AXIS = 26;

export function stackedBarChart(bars: readonly ChartBar[], colors: ReadonlyMap<string, string>, title: string): string {
  const max = Math.max(1, ...bars.map(total));
  // Room for the longest dataset name (bold 12px, about 7.4px a character), within limits.
  const LABEL_WIDTH = Math.round(Math.min(240, Math.max(90, 16 + 7.4 * Math.max(...bars.map((b) => Math.min(MAX_LABEL, b.label.length))))));
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const scale = BAR_AREA / axisMax;
  const width = LABEL_WIDTH + BAR_AREA + TOTAL_WIDTH;
  const height = TOP + bars.length * (BAR_HEIGHT + GAP) + AXIS;
  const axisY = TOP + bars.length * (BAR_HEIGHT + GAP);
  const out: string[] = [
    `<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="chart-title">${escapeHtml(title)}</title>`,
  ];
  for (let v = 0; v <= axisMax; v += step) {
    const x = LABEL_WIDTH + v * scale;
    out.push(`<line class="grid" x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${axisY}"/>`);
    out.push(`<text class="tick" x="${x}" y="${axisY + 16}" text-anchor="middle">${v}</text>`);
  }
  bars.forEach((bar, i) => {
    const y = TOP + i * (BAR_HEIGHT + GAP) + GAP / 2;
    const label = bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label;
    out.push(`<text class="bar-label" x="${LABEL_WIDTH - 10}" y="${y + BAR_HEIGHT / 2 + 5}" text-anchor="end"><title>${escapeHtml(bar.label)}</title>${escapeHtml(label)}</text>`);
    let x = LABEL_WIDTH;
    for (const s of bar.segments) {
      const w = s.value * scale;
      const fill = colors.get(s.key) ?? '#999999';
      out.push(
        `<rect x="${fmt(x)}" y="${y}" width="${fmt(w)}" height="${BAR_HEIGHT}" fill="${fill}" stroke="#fff" stroke-width="1">` +
          `<title>${escapeHtml(`${bar.label} · ${s.label}: ${s.value} field${s.value === 1 ? '' : 's'}`)}</title></rect>`,
      );
      if (w >= 22) {
        out.push(`<text class="seg-value" x="${fmt(x + w / 2)}" y="${y + BAR_HEIGHT / 2 + 4}" text-anchor="middle" fill="${textOn(fill)}">${s.value}</text>`);
      }
      x += w;
    }
    out.push(`<text class="bar-total" x="${fmt(x + 8)}" y="${y + BAR_HEIGHT / 2 + 5}">${total(bar)}</text>`);
  });
  out.push(`<line class="axis" x1="${LABEL_WIDTH}" y1="${axisY}" x2="${LABEL_WIDTH + BAR_AREA}" y2="${axisY}"/>`);
  out.push('</svg>');
  return out.join('\n');
}

function total(bar: ChartBar): number {
  return bar.segments.reduce((n, s) => n + s.value, 0);
}

/** 1, 2 or 5 × 10^k, giving at most about six ticks. */
export function niceStep(max: number): number {
  const raw = max / 6;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw) return Math.max(1, m * magnitude);
  return 10 * magnitude;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Dark text on light fills, white on dark ones. */
function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1b1f24' : '#ffffff';
}
