// An entity search box with autocomplete: debounced, cancellable, keyboard navigable.
import { api } from './api';
import type { LookupHit } from './browse-api';
import { TYPE_COLOURS } from './colours';
import { debounce, formatNumber, h, replace } from './dom';
import { showError } from './toast';
import type { EntityKind, SearchHit } from '../../src/model';

export interface AutocompleteOptions {
  placeholder: string;
  /** data-testid of the input; the list is `${testid}-suggestions`, items `${testid}-suggestion`. */
  testid: string;
  onPick(hit: SearchHit): void;
  types?: () => EntityKind[] | undefined;
  /** Text kept in the box after a pick (the name by default; '' clears it). */
  keepText?: boolean;
  /** Posts, tags and cables matching too (listed after the entities), and what picking one does. */
  lookup?: { find(q: string, signal: AbortSignal): Promise<LookupHit[]>; onPick(hit: LookupHit): void };
}

const LOOKUP_LABEL: Record<LookupHit['kind'], string> = { post: 'Post', tag: 'Tag', cable: 'Cable' };

export interface Autocomplete {
  element: HTMLElement;
  input: HTMLInputElement;
  /** The picked entity (cleared when the text is edited). */
  picked(): SearchHit | undefined;
  set(hit: SearchHit | undefined, text?: string): void;
}

const DEBOUNCE_MS = 150;
const LIMIT = 12;

export function createAutocomplete(options: AutocompleteOptions): Autocomplete {
  const input = h('input', {
    type: 'search',
    class: 'search-input',
    placeholder: options.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'data-testid': options.testid,
  });
  const list = h('ul', {
    class: 'suggestions',
    role: 'listbox',
    'data-testid': `${options.testid}-suggestions`,
    hidden: true,
  });
  const element = h('div', { class: 'autocomplete' }, input, list);

  let hits: SearchHit[] = [];
  /** Posts, tags and cables (options.lookup), after the entities in the list and in the keyboard's order. */
  let others: LookupHit[] = [];
  let active = -1;
  const count = (): number => hits.length + others.length;
  let picked: SearchHit | undefined;
  let controller: AbortController | undefined;
  let lastQuery = '';
  /** Enter pressed before the suggestions arrived: pick the first one when they do. */
  let pendingEnter = false;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const render = (): void => {
    replace(
      list,
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            class: `suggestion${i === active ? ' active' : ''}`,
            role: 'option',
            'aria-selected': i === active ? 'true' : 'false',
            'data-testid': `${options.testid}-suggestion`,
            'data-id': hit.id,
            onmousedown: (event: Event) => {
              // mousedown, not click: the input's blur would close the list first.
              event.preventDefault();
              pick(i);
            },
          },
          h('span', { class: 'dot', style: `background:${TYPE_COLOURS[hit.type]}` }),
          h('span', { class: 'suggestion-name' }, hit.name),
          hit.matched && hit.matched.toLowerCase() !== hit.name.toLowerCase()
            ? h('span', { class: 'suggestion-alias' }, `“${hit.matched}”`)
            : null,
          h('span', { class: 'suggestion-meta' }, `${hit.type} · ${formatNumber(hit.cableCount)}`),
        ),
      ),
      ...others.map((hit, j) => {
        const i = hits.length + j;
        return h(
          'li',
          {
            class: `suggestion suggestion-other${i === active ? ' active' : ''}`,
            role: 'option',
            'aria-selected': i === active ? 'true' : 'false',
            'data-testid': `${options.testid}-other`,
            'data-kind': hit.kind,
            'data-id': hit.id,
            onmousedown: (event: Event) => {
              event.preventDefault();
              pick(i);
            },
          },
          h('span', { class: `kind-badge kind-${hit.kind}` }, LOOKUP_LABEL[hit.kind]),
          h('span', { class: 'suggestion-name' }, hit.name),
          hit.detail ? h('span', { class: 'suggestion-alias' }, hit.detail) : null,
          h('span', { class: 'suggestion-meta' }, hit.cables !== undefined ? formatNumber(hit.cables) : ''),
        );
      }),
    );
    if (count() === 0 && lastQuery)
      replace(
        list,
        h(
          'li',
          { class: 'suggestion-empty' },
          `No entity${options.lookup ? ', post, tag or cable' : ''} matches “${lastQuery}”`,
        ),
      );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    list.querySelector('.active')?.scrollIntoView({ block: 'nearest' });
  };

  const pick = (i: number): void => {
    const other = i >= hits.length ? others[i - hits.length] : undefined;
    if (other && options.lookup) {
      input.value = options.keepText === false ? '' : other.name;
      close();
      options.lookup.onPick(other);
      return;
    }
    const hit = hits[i];
    if (!hit) return;
    picked = hit;
    input.value = options.keepText === false ? '' : hit.name;
    close();
    options.onPick(hit);
  };

  const lookup = debounce(async (q: string) => {
    controller?.abort();
    if (q.length < 2) {
      hits = [];
      close();
      return;
    }
    controller = new AbortController();
    try {
      const [result, found] = await Promise.all([
        api.search(q, { types: options.types?.(), limit: LIMIT }, controller.signal),
        options.lookup ? options.lookup.find(q, controller.signal) : Promise.resolve([]),
      ]);
      if (q !== input.value.trim()) return;
      hits = result;
      others = found;
      lastQuery = q;
      // A cable named by its id (the lookup lists it first) is the active choice: whoever types an id wants that cable.
      active = count() === 0 ? -1 : others[0]?.kind === 'cable' ? hits.length : 0;
      if (pendingEnter && count() > 0) {
        pendingEnter = false;
        pick(active);
      } else if (document.activeElement === input) render();
    } catch (error) {
      showError(error, 'Search');
    }
  }, DEBOUNCE_MS);

  input.addEventListener('input', () => {
    picked = undefined;
    pendingEnter = false;
    lookup(input.value.trim());
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count() === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + count()) % count();
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else if (!picked && input.value.trim().length >= 2) pendingEnter = true;
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
  input.addEventListener('focus', () => {
    if (count() > 0 && !picked) render();
  });

  return {
    element,
    input,
    picked: () => picked,
    set(hit, text) {
      picked = hit;
      input.value = text ?? hit?.name ?? '';
    },
  };
}
