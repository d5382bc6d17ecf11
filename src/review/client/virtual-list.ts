/**
 * A list that keeps only the items in and near the visible part of its scrolling element in the
 * DOM: two spacers stand for the rest. Items may differ in height (a field with long names or its
 * evidence unfolded): each is measured once drawn, and a Fenwick tree of the heights turns a
 * scroll offset into an item index, and back, in O(log n) at 100,000 items.
 *
 * Rendered items are reused while they stay in range, so the element that has the focus stays
 * where it is when the list scrolls. When items are drawn again (`refresh`), the focus moves to the
 * new element with the same `data-focus` in the same item.
 */

export interface VirtualListOptions {
  /** The element that scrolls (its CSS needs `overflow-anchor: none`: this class keeps the anchor). */
  readonly scroller: HTMLElement;
  /** Where the items go, between the two spacers: a tbody or a ul. */
  readonly container: HTMLElement;
  /** Height in px of an item not drawn yet. */
  readonly estimate: number;
  /** Makes item i's elements (a field row and its evidence row, or a tree entry). */
  readonly render: (index: number) => HTMLElement[];
  /** An empty element that fits in the container; its height is set to stand for items not drawn. */
  readonly spacer: () => HTMLElement;
  /** How far beyond the visible part items are drawn, in px. */
  readonly overscan?: number;
}

export class VirtualList {
  readonly #o: VirtualListOptions;
  readonly #top: HTMLElement;
  readonly #bottom: HTMLElement;
  #count = 0;
  /** Height of an item not drawn yet: the options' estimate, then the mean of the items measured. */
  #estimate: number;
  #heights = new Float64Array(0);
  #measured = new Uint8Array(0);
  #measuredCount = 0;
  #measuredSum = 0;
  /** Fenwick tree over #heights, 1-based. */
  #tree = new Float64Array(1);
  #rendered = new Map<number, HTMLElement[]>();
  #first = 0;
  #last = -1;

  constructor(options: VirtualListOptions) {
    this.#o = options;
    this.#estimate = options.estimate;
    this.#top = options.spacer();
    this.#bottom = options.spacer();
    options.container.replaceChildren(this.#top, this.#bottom);
    options.scroller.addEventListener('scroll', () => this.update(), { passive: true });
    window.addEventListener('resize', () => this.update());
  }

  get count(): number {
    return this.#count;
  }

  /** A new list of `count` items: forgets what was drawn and measured, and draws what is visible. */
  reset(count: number): void {
    for (const els of this.#rendered.values()) for (const el of els) el.remove();
    this.#rendered.clear();
    this.#first = 0;
    this.#last = -1;
    this.#count = count;
    this.#heights = new Float64Array(count).fill(this.#estimate);
    this.#measured = new Uint8Array(count);
    this.#measuredCount = 0;
    this.#measuredSum = 0;
    this.#buildTree();
    this.update();
  }

  #buildTree(): void {
    const count = this.#count;
    this.#tree = new Float64Array(count + 1);
    for (let i = 1; i <= count; i++) {
      this.#tree[i] += this.#heights[i - 1];
      const parent = i + (i & -i);
      if (parent <= count) this.#tree[parent] += this.#tree[i];
    }
  }

  /** Draws every drawn item again (its data changed), keeping the scroll position and the focus. */
  refresh(): void {
    for (const i of [...this.#rendered.keys()]) this.#redraw(i);
    this.#measure([...this.#rendered.keys()]);
    this.update();
  }

  /** Draws item i again when it is drawn. */
  refreshItem(i: number): void {
    if (!this.#rendered.has(i)) return;
    this.#redraw(i);
    this.#measure([i]);
    this.update();
  }

  /** Item i changed height without being drawn again (a fold inside it opened or closed). */
  measureItem(i: number): void {
    if (this.#measure([i])) this.update();
  }

  /** Item i's elements, when drawn. */
  elements(i: number): readonly HTMLElement[] | undefined {
    return this.#rendered.get(i);
  }

  /** Scrolls, when needed, until item i is in view, and draws it. */
  reveal(i: number): void {
    if (i < 0 || i >= this.#count) return;
    const { scroller } = this.#o;
    const top = this.#containerTop() + this.#prefix(i);
    const bottom = top + this.#heights[i];
    const padding = parseFloat(getComputedStyle(scroller).scrollPaddingTop) || 0;
    if (top < scroller.scrollTop + padding) scroller.scrollTop = top - padding;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    this.update();
  }

  /** Draws the items the visible part needs now (called on scroll; cheap when nothing changed). */
  update(): void {
    const { scroller } = this.#o;
    // At the very end of the list (the reviewer scrolled or jumped there), it stays at the end as heights become known.
    const atEnd = scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    this.#fill();
    if (atEnd && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop = scroller.scrollHeight;
      this.#fill();
    }
  }

  #fill(): void {
    // Measured heights can leave the visible part short of items: a few rounds fill it.
    for (let round = 0; round < 4; round++) {
      const { first, last } = this.#wanted();
      const fresh = this.#drawRange(first, last);
      this.#top.style.setProperty('height', `${this.#prefix(first)}px`);
      this.#bottom.style.setProperty('height', `${this.#prefix(this.#count) - this.#prefix(last + 1)}px`);
      if (fresh.length === 0 || !this.#measure(fresh)) return;
    }
  }

  #wanted(): { first: number; last: number } {
    if (this.#count === 0) return { first: 0, last: -1 };
    const { scroller, overscan = 600 } = this.#o;
    const viewTop = scroller.scrollTop - this.#containerTop();
    return {
      first: this.#indexAt(Math.max(0, viewTop - overscan)),
      last: this.#indexAt(Math.max(0, viewTop + scroller.clientHeight + overscan)),
    };
  }

  /** Makes the drawn items exactly first..last; returns the ones drawn now. */
  #drawRange(first: number, last: number): number[] {
    for (const [i, els] of this.#rendered) {
      if (i >= first && i <= last) continue;
      for (const el of els) el.remove();
      this.#rendered.delete(i);
    }
    const fresh: number[] = [];
    if (first > last) {
      this.#first = 0;
      this.#last = -1;
      return fresh;
    }
    const overlap = this.#rendered.size > 0;
    const keptFirst = overlap ? Math.max(first, this.#first) : last + 1;
    const keptLast = overlap ? Math.min(last, this.#last) : last;
    // Before the kept items, in order; then after them.
    const before = this.#rendered.get(keptFirst)?.[0] ?? this.#bottom;
    for (let i = first; i < keptFirst; i++) fresh.push(this.#insert(i, before));
    for (let i = keptLast + 1; i <= last; i++) fresh.push(this.#insert(i, this.#bottom));
    this.#first = first;
    this.#last = last;
    return fresh;
  }

  #insert(i: number, before: HTMLElement): number {
    const els = this.#o.render(i);
    for (const el of els) this.#o.container.insertBefore(el, before);
    this.#rendered.set(i, els);
    return i;
  }

  #redraw(i: number): void {
    const old = this.#rendered.get(i)!;
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && old.some((el) => el.contains(active)) ? active.dataset.focus : undefined;
    const els = this.#o.render(i);
    for (const el of els) this.#o.container.insertBefore(el, old[0]);
    for (const el of old) el.remove();
    this.#rendered.set(i, els);
    if (focused) {
      const same = els.flatMap((el) => (el.dataset.focus === focused ? [el] : [...el.querySelectorAll<HTMLElement>(`[data-focus="${focused}"]`)]))[0];
      same?.focus({ preventScroll: true });
    }
  }

  /**
   * Records the drawn heights of these items. When items above the visible part changed height the
   * scroll position moves by as much, so what the reviewer looks at stays put. True when a height changed.
   */
  #measure(indexes: readonly number[]): boolean {
    const { scroller } = this.#o;
    const viewTop = scroller.scrollTop - this.#containerTop();
    const anchor = this.#indexAt(Math.max(0, viewTop));
    const anchorBefore = this.#prefix(anchor);
    let changed = false;
    for (const i of indexes) {
      const els = this.#rendered.get(i);
      if (!els) continue;
      let height = 0;
      for (const el of els) height += el.getBoundingClientRect().height;
      if (!this.#measured[i]) {
        this.#measured[i] = 1;
        this.#measuredCount++;
        this.#measuredSum += height;
      } else this.#measuredSum += height - this.#heights[i];
      if (Math.abs(height - this.#heights[i]) < 0.5) continue;
      this.#add(i, height - this.#heights[i]);
      this.#heights[i] = height;
      changed = true;
    }
    if (this.#reestimate()) changed = true;
    const shift = this.#prefix(anchor) - anchorBefore;
    if (changed && shift !== 0 && viewTop > 0) scroller.scrollTop += shift;
    return changed;
  }

  /**
   * Items not measured yet take the mean height of those measured, once it is 10% off the estimate
   * (so the scroll bar's length and a jump to a far place come out about right).
   */
  #reestimate(): boolean {
    if (this.#measuredCount === 0) return false;
    const mean = this.#measuredSum / this.#measuredCount;
    if (Math.abs(mean - this.#estimate) <= this.#estimate * 0.1) return false;
    this.#estimate = mean;
    for (let i = 0; i < this.#count; i++) if (!this.#measured[i]) this.#heights[i] = mean;
    this.#buildTree();
    return true;
  }

  #containerTop(): number {
    const { scroller, container } = this.#o;
    return container.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  }

  /** Sum of the heights of items 0..i-1. */
  #prefix(i: number): number {
    let sum = 0;
    for (let j = i; j > 0; j -= j & -j) sum += this.#tree[j];
    return sum;
  }

  #add(i: number, delta: number): void {
    for (let j = i + 1; j <= this.#count; j += j & -j) this.#tree[j] += delta;
  }

  /** The item at `offset` px from the top of the first one (the last item beyond the end). */
  #indexAt(offset: number): number {
    let i = 0;
    let rest = offset;
    for (let step = 1 << Math.floor(Math.log2(Math.max(1, this.#count))); step > 0; step >>= 1) {
      const next = i + step;
      if (next <= this.#count && this.#tree[next] <= rest) {
        i = next;
        rest -= this.#tree[next];
      }
    }
    return Math.min(i, this.#count - 1);
  }
}
