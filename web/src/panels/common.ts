// Pieces shared by the panels: the header with its close button, loading state, cable references.
import { h } from '../dom';
import type { PanelActions } from './actions';
import type { CableRef } from '../../../src/model';

export function panelHeader(
  badge: HTMLElement | null,
  title: HTMLElement,
  actions: Pick<PanelActions, 'close'>,
): HTMLElement {
  return h(
    'header',
    { class: 'panel-header' },
    h('div', { class: 'panel-title' }, badge, title),
    h(
      'button',
      {
        class: 'icon-button',
        title: 'Close',
        'aria-label': 'Close',
        'data-testid': 'panel-close',
        onclick: () => actions.close(),
      },
      '×',
    ),
  );
}

export function loadingPanel(what: string): HTMLElement {
  return h(
    'section',
    { class: 'panel loading', 'data-testid': 'panel-loading' },
    h('div', { class: 'spinner' }),
    h('p', {}, `Loading ${what}…`),
  );
}

const CLASSIFICATION_CLASS: Record<string, string> = {
  UNCLASSIFIED: 'u',
  'UNCLASSIFIED//FOR OFFICIAL USE ONLY': 'u',
  CONFIDENTIAL: 'c',
  'CONFIDENTIAL//NOFORN': 'c',
  SECRET: 's',
  'SECRET//NOFORN': 's',
};

export function classificationBadge(classification?: string): HTMLElement | null {
  if (!classification) return null;
  const level =
    CLASSIFICATION_CLASS[classification] ??
    (classification.startsWith('SECRET') ? 's' : classification.startsWith('CONFIDENTIAL') ? 'c' : 'u');
  return h('span', { class: `classification classification-${level}`, title: classification }, classification);
}

/** "07PARIS3534 · 2007-11-16 · Paris · CONFIDENTIAL", the id opening the cable. */
export function cableLine(cable: CableRef, open: () => void): HTMLElement {
  return h(
    'div',
    { class: 'cable-line' },
    h(
      'a',
      {
        class: 'cable-id',
        href: `#/cable/${encodeURIComponent(cable.id)}`,
        'data-testid': 'cable-link',
        onclick: (e: Event) => (e.preventDefault(), open()),
      },
      cable.id,
    ),
    cable.date ? h('span', { class: 'cable-date' }, cable.date.slice(0, 10)) : null,
    cable.origin ? h('span', { class: 'cable-origin' }, cable.origin) : null,
    classificationBadge(cable.classification),
  );
}
