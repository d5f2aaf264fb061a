// Taking evidence away: CSV / Markdown download links, and bookmarks with notes (the server keeps
// them in bookmarks.jsonl beside the curation file).
import { request } from './api';
import { h, plural, replace } from './dom';
import { showError } from './toast';
import type { Bookmark } from '../../src/model';

export type TakeawayRoute =
  { kind: 'evidence'; a: string; b: string } | { kind: 'path'; ids: string[] } | { kind: 'entity'; id: string };

/** The API address of an export, relative to the page (like every API call). */
export function takeawayUrl(route: TakeawayRoute, format: 'csv' | 'md'): string {
  const params = new URLSearchParams();
  if (route.kind === 'evidence') {
    params.set('a', route.a);
    params.set('b', route.b);
  } else if (route.kind === 'path') params.set('ids', route.ids.join(','));
  params.set('format', format);
  const path = route.kind === 'entity' ? `takeaway/entity/${encodeURIComponent(route.id)}` : `takeaway/${route.kind}`;
  return `api/${path}?${params.toString()}`;
}

/** "⤓ CSV · ⤓ Markdown": downloads of every cable and passage behind what the panel shows. */
export function exportLinks(route: TakeawayRoute, what: string): HTMLElement {
  return h(
    'div',
    { class: 'takeaway', 'data-testid': `takeaway-${route.kind}` },
    h('span', { class: 'muted small' }, `Take away ${what}: `),
    h(
      'a',
      {
        class: 'link small',
        href: takeawayUrl(route, 'csv'),
        download: '',
        'data-testid': `takeaway-${route.kind}-csv`,
        title: 'Every cable and passage, one row per passage (spreadsheets)',
      },
      '⤓ CSV',
    ),
    ' · ',
    h(
      'a',
      {
        class: 'link small',
        href: takeawayUrl(route, 'md'),
        download: '',
        'data-testid': `takeaway-${route.kind}-md`,
        title: 'Every cable linked, passages quoted (notes, articles)',
      },
      '⤓ Markdown',
    ),
  );
}

interface BookmarkState {
  enabled: boolean;
  readOnly: boolean;
  file?: string;
  bookmarks: Bookmark[];
}

/** The server's bookmarks, kept in sync; buttons and the sidebar list follow every change. */
export class Bookmarks {
  private state: BookmarkState = { enabled: false, readOnly: true, bookmarks: [] };
  private readonly listeners = new Set<() => void>();

  get list(): readonly Bookmark[] {
    return this.state.bookmarks;
  }

  get writable(): boolean {
    return this.state.enabled && !this.state.readOnly;
  }

  find(kind: Bookmark['kind'], id: string): Bookmark | undefined {
    return this.state.bookmarks.find((b) => b.kind === kind && b.id === id);
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  async load(): Promise<void> {
    this.update(await this.call('bookmarks'));
  }

  async set(kind: Bookmark['kind'], id: string, note?: string): Promise<void> {
    this.update(
      await this.call('bookmarks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind,
          id,
          ...(note !== undefined ? { note } : {}),
          ...(localStorage.getItem('cablegraph.author') ? { author: localStorage.getItem('cablegraph.author') } : {}),
        }),
      }),
    );
  }

  async remove(kind: Bookmark['kind'], id: string): Promise<void> {
    this.update(
      await this.call(`bookmarks/${kind}/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
  }

  private async call(path: string, init?: RequestInit): Promise<BookmarkState> {
    // Through the API client: the token travels with it, and writes are JSON as the server requires.
    const response = await request(path, init);
    return (await response.json()) as BookmarkState;
  }

  private update(state: BookmarkState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** ☆ Bookmark / ★ Bookmarked, with a note field once bookmarked. */
export function bookmarkControl(bookmarks: Bookmarks, kind: Bookmark['kind'], id: string): HTMLElement {
  const button = h('button', { class: 'button bookmark-toggle', 'data-testid': `bookmark-${kind}` });
  const note = h('input', {
    type: 'text',
    class: 'bookmark-note',
    placeholder: 'Note (saved on Enter)',
    'data-testid': `bookmark-${kind}-note`,
    'aria-label': 'Bookmark note',
  });
  const element = h('div', { class: 'bookmark', 'data-testid': `bookmark-${kind}-control` }, button, note);
  const render = (): void => {
    const mark = bookmarks.find(kind, id);
    button.textContent = mark ? '★ Bookmarked' : '☆ Bookmark';
    button.dataset.bookmarked = String(!!mark);
    button.disabled = !bookmarks.writable;
    button.title = bookmarks.writable
      ? mark
        ? 'Remove the bookmark'
        : `Bookmark this ${kind} (kept in bookmarks.jsonl)`
      : 'Bookmarks are read-only on this server';
    note.hidden = !mark;
    if (document.activeElement !== note) note.value = mark?.note ?? '';
    note.disabled = !bookmarks.writable;
  };
  button.addEventListener('click', () => {
    const work = bookmarks.find(kind, id) ? bookmarks.remove(kind, id) : bookmarks.set(kind, id);
    work.catch((error: unknown) => showError(error, 'Bookmark'));
  });
  note.addEventListener('change', () => {
    bookmarks.set(kind, id, note.value.trim()).catch((error: unknown) => showError(error, 'Bookmark note'));
  });
  bookmarks.onChange(render);
  render();
  return element;
}

/** The sidebar's list of bookmarks: each opens its entity or cable. */
export function bookmarksSection(
  bookmarks: Bookmarks,
  open: (kind: Bookmark['kind'], id: string) => void,
): HTMLElement {
  const list = h('ul', { class: 'bookmark-list', 'data-testid': 'bookmark-list' });
  const count = h('p', { class: 'muted small' });
  const section = h(
    'section',
    { class: 'sidebar-section bookmarks-section', 'data-testid': 'bookmarks-section' },
    h('h2', {}, 'Bookmarks', count),
    list,
  );
  const render = (): void => {
    count.textContent = bookmarks.list.length === 0 ? 'none yet' : plural(bookmarks.list.length, 'bookmark');
    replace(
      list,
      ...bookmarks.list.map((b) =>
        h(
          'li',
          { 'data-testid': 'bookmark-item', 'data-kind': b.kind, 'data-id': b.id },
          h(
            'button',
            {
              class: 'link',
              onclick: () => open(b.kind, b.id),
              title: b.kind === 'cable' ? `Cable ${b.id}` : (b.label ?? b.id),
            },
            b.kind === 'cable' ? `✉ ${b.id}` : (b.label ?? b.id),
          ),
          b.note ? h('span', { class: 'muted small bookmark-note-text' }, ` — ${b.note}`) : null,
        ),
      ),
    );
  };
  bookmarks.onChange(render);
  render();
  return section;
}
