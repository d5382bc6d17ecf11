/**
 * Small DOM helpers. Everything from the dataset file goes into the page as text (textContent,
 * attribute values), never as HTML: names may hold `<`, quotes or any unicode.
 */

/** The page's element with this id (the skeleton in page.ts has them all). */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the review page has no #${id}`);
  return el as T;
}

export type Child = Node | string | null | undefined | false | readonly Child[];
type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Handler>;

/**
 * An element with attributes, `class`, `text` (its text content) and `on<event>` listeners. Values
 * null, undefined and false leave an attribute out; true sets it empty.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = String(value);
    else if (name === 'text') el.textContent = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const c of child as readonly Child[]) append(el, c);
  else el.append(child as Node | string);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICONS = {
  all: ['M3 4h10', 'M3 8h10', 'M3 12h10'],
  dataset: ['M2.5 3.8c0-1.1 2.5-2 5.5-2s5.5.9 5.5 2-2.5 2-5.5 2-5.5-.9-5.5-2z', 'M2.5 3.8v8.4c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V3.8', 'M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2'],
  table: ['M3 2.5h10a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1z', 'M2 6.5h12', 'M6.5 6.5v7'],
};
export type IconName = keyof typeof ICONS;

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 16 16', width: '15', height: '15', 'aria-hidden': 'true', class: 'icon' })) svg.setAttribute(k, v);
  for (const d of ICONS[name]) {
    const p = document.createElementNS(SVG_NS, 'path');
    for (const [k, v] of Object.entries({ d, fill: 'none', stroke: 'currentColor', 'stroke-width': '1.3' })) p.setAttribute(k, v);
    svg.append(p);
  }
  return svg;
}

/** Resolves after the browser has drawn the next frame. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
