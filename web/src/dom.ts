// Small DOM helpers: element creation without innerHTML (cable text is never parsed as HTML).

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element; `on…` attributes become listeners, `false`/`null` attributes are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = String(value);
    // Through the CSSOM: the server's Content-Security-Policy refuses style attributes set as markup.
    else if (key === 'style') el.style.cssText = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export interface Span {
  start: number;
  end: number;
  /** CSS class of the <mark>. */
  className: string;
  title?: string;
  /** data-entity attribute: the mark opens that entity. */
  entity?: string;
}

/**
 * Text with <mark> elements over the spans (offsets into `text`). Overlapping spans: the first
 * one (by start) wins, the overlapped part of the next one is left unmarked.
 */
export function markText(text: string, spans: Span[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) fragment.appendChild(document.createTextNode(text.slice(at, span.start)));
    const mark = h(
      'mark',
      { class: span.className, title: span.title, 'data-entity': span.entity },
      text.slice(span.start, span.end),
    );
    fragment.appendChild(mark);
    at = span.end;
  }
  if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
  return fragment;
}

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** 1,234 cables / 1 cable. */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : words}`;
}

/** "2005-01-05 – 2007-11-16", one date when equal, '' when none. */
export function dateSpan(first?: string, last?: string): string {
  if (!first && !last) return '';
  if (!first || !last || first === last) return (first ?? last) as string;
  return `${first} – ${last}`;
}

/** Calls `fn` once calls stop for `ms` milliseconds. */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void | Promise<void>,
  ms: number,
): (...args: A) => void {
  let timer: number | undefined;
  return (...args: A) => {
    window.clearTimeout(timer);
    // An async `fn` handles its own failures (the search box shows them): nothing awaits it here.
    timer = window.setTimeout(() => void fn(...args), ms);
  };
}

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, style: 'display:none' });
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Names can carry the line breaks of the cable they come from. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}
