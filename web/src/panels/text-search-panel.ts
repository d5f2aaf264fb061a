// Full-text search results: the cables whose subject or text match, best first, each with its matching passage and its entities; the entities most named among the matches on top.
import { TYPE_COLOURS } from '../colours';
import { cleanName, formatNumber, h, markText, plural, replace } from '../dom';
import type { PanelActions } from './actions';
import { cableLine, panelHeader } from './common';
import type { TextHit, TextSearchResult } from '../../../src/model';

function entityChip(
  entity: { id: string; type: keyof typeof TYPE_COLOURS; name: string },
  count: string,
  actions: PanelActions,
): HTMLElement {
  return h(
    'li',
    {},
    h(
      'button',
      {
        class: 'chip entity-chip',
        style: `--type:${TYPE_COLOURS[entity.type]}`,
        'data-entity': entity.id,
        'data-testid': 'text-search-entity',
        title: `Open ${cleanName(entity.name)}`,
        onclick: () => actions.openEntity(entity.id),
      },
      h('span', { class: 'dot', style: `background:${TYPE_COLOURS[entity.type]}` }),
      cleanName(entity.name),
      h('span', { class: 'chip-count' }, count),
    ),
  );
}

function hitItem(hit: TextHit, actions: PanelActions): HTMLElement {
  return h(
    'li',
    { class: 'text-hit', 'data-testid': 'text-search-hit', 'data-cable': hit.id },
    cableLine(hit, () => actions.openCable(hit.id)),
    hit.subject ? h('div', { class: 'text-hit-subject' }, hit.subject) : null,
    h(
      'p',
      { class: 'text-hit-snippet', 'data-testid': 'text-search-snippet' },
      markText(
        hit.snippet.text,
        hit.snippet.highlights.map((s) => ({ ...s, className: 'text-match' })),
      ),
    ),
    hit.entities.length > 0
      ? h('ul', { class: 'chips' }, ...hit.entities.map((e) => entityChip(e, `×${formatNumber(e.mentions)}`, actions)))
      : null,
  );
}

export interface TextSearchPanel {
  element: HTMLElement;
  /** Appends the next page of cables. */
  append(result: TextSearchResult): void;
}

/** `loadMore(offset)`: asks for the next page (the panel appends it when it arrives). */
export function textSearchPanel(
  result: TextSearchResult,
  actions: PanelActions,
  loadMore: (offset: number) => void,
): TextSearchPanel {
  const list = h(
    'ol',
    { class: 'text-hits', 'data-testid': 'text-search-hits' },
    ...result.cables.map((c) => hitItem(c, actions)),
  );
  let shown = result.cables.length;
  const more = h(
    'button',
    { class: 'button', 'data-testid': 'text-search-more', onclick: () => loadMore(shown) },
    'More cables',
  );
  const footer = h('div', { class: 'text-search-footer' });
  const updateFooter = (): void =>
    replace(
      footer,
      shown < result.total ? more : null,
      h('span', { class: 'muted' }, ` ${formatNumber(shown)} of ${plural(result.total, 'cable')}`),
    );
  updateFooter();
  const element = h(
    'section',
    { class: 'panel', 'data-testid': 'text-search-panel' },
    panelHeader(h('span', { class: 'type-badge' }, 'Text'), h('h2', {}, `“${result.query}”`), actions),
    h(
      'p',
      { class: 'muted', 'data-testid': 'text-search-total', 'data-total': result.total },
      result.total === 0 ? 'No cable matches these words.' : `${plural(result.total, 'cable')} match, best first.`,
    ),
    result.entities.length > 0 ? h('h3', {}, 'Named most in these cables') : null,
    result.entities.length > 0
      ? h(
          'ul',
          { class: 'chips', 'data-testid': 'text-search-entities' },
          ...result.entities.map((e) => entityChip(e, plural(e.cables, 'cable'), actions)),
        )
      : null,
    list,
    footer,
  );
  return {
    element,
    append(page) {
      for (const c of page.cables) list.appendChild(hitItem(c, actions));
      shown += page.cables.length;
      updateFooter();
    },
  };
}

/** The topbar's second box: words and "phrases" searched in the cables' texts (Enter searches). */
export function createTextSearchBox(onSearch: (q: string) => void): { element: HTMLElement; set(q: string): void } {
  const input = h('input', {
    type: 'search',
    class: 'search-input',
    placeholder: 'Search cable texts: words, "phrases"…',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'text-search-input',
    title: 'Full-text search over subjects and texts: words (all must appear), "exact phrases", prefix*, OR, -exclude',
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const q = input.value.trim();
    if (q) onSearch(q);
  });
  return { element: h('div', { class: 'text-search' }, input), set: (q) => (input.value = q) };
}
