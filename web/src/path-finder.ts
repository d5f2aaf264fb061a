// The path finder's controls: two entity search boxes, a hop limit, find / swap / clear.
import { cleanName, h } from './dom';
import { createAutocomplete } from './search';
import type { NodeView, SearchHit } from '../../src/model';

export interface PathFinder {
  element: HTMLElement;
  setEnd(end: 'from' | 'to', node: Pick<NodeView, 'id' | 'name' | 'type' | 'cableCount'>): void;
  maxHops(): number;
  setBusy(busy: boolean): void;
}

export interface PathFinderEvents {
  find(from: string, to: string): void;
  clear(): void;
}

function asHit(node: Pick<NodeView, 'id' | 'name' | 'type' | 'cableCount'>): SearchHit {
  return {
    id: node.id,
    name: node.name,
    type: node.type,
    matched: node.name,
    match: 'exact',
    cableCount: node.cableCount,
  };
}

export function createPathFinder(events: PathFinderEvents): PathFinder {
  const status = h('p', { class: 'path-status muted small', 'data-testid': 'path-status' }, '');
  const tryFind = (): void => {
    const a = from.picked();
    const b = to.picked();
    if (!a || !b) {
      status.textContent = 'Pick both entities from the suggestions.';
      return;
    }
    if (a.id === b.id) {
      status.textContent = 'Pick two different entities.';
      return;
    }
    status.textContent = '';
    events.find(a.id, b.id);
  };
  const from = createAutocomplete({
    placeholder: 'From…',
    testid: 'path-from',
    onPick: () => to.picked() && tryFind(),
  });
  const to = createAutocomplete({ placeholder: 'To…', testid: 'path-to', onPick: () => from.picked() && tryFind() });
  const hops = h(
    'select',
    { 'data-testid': 'path-max-hops', 'aria-label': 'Maximum hops' },
    ...[1, 2, 3, 4, 5, 6].map((n) => h('option', { value: n, selected: n === 4 }, `≤ ${n} hops`)),
  );
  const find = h('button', { class: 'button primary', 'data-testid': 'path-find', onclick: tryFind }, 'Find paths');
  const swap = h(
    'button',
    {
      class: 'icon-button',
      title: 'Swap',
      'aria-label': 'Swap',
      'data-testid': 'path-swap',
      onclick: () => {
        const a = from.picked();
        const b = to.picked();
        const [ta, tb] = [from.input.value, to.input.value];
        from.set(b, tb);
        to.set(a, ta);
      },
    },
    '⇅',
  );
  const clear = h(
    'button',
    {
      class: 'link small',
      'data-testid': 'path-clear',
      onclick: () => {
        from.set(undefined, '');
        to.set(undefined, '');
        status.textContent = '';
        events.clear();
      },
    },
    'clear',
  );

  const element = h(
    'section',
    { class: 'sidebar-section path-finder', 'data-testid': 'path-finder' },
    h('h2', {}, 'Path finder', clear),
    h('div', { class: 'path-ends' }, h('div', { class: 'path-boxes' }, from.element, to.element), swap),
    h('div', { class: 'path-actions' }, hops, find),
    status,
  );

  return {
    element,
    setEnd(end, node) {
      (end === 'from' ? from : to).set(asHit(node), cleanName(node.name));
    },
    maxHops: () => Number(hops.value),
    setBusy(busy) {
      find.disabled = busy;
      find.textContent = busy ? 'Finding…' : 'Find paths';
    },
  };
}
