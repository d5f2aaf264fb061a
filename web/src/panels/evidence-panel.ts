// The evidence of a pair: the cables naming both, with the passages and both names marked.
import { TYPE_COLOURS } from '../colours';
import { cleanName, dateSpan, formatNumber, h, markText, replace } from '../dom';
import type { PanelActions } from './actions';
import { cableLine, panelHeader } from './common';
import type { EvidenceCable, PairEvidence, Passage } from '../../../src/model';

/** Passages longer than this show an excerpt around the pair first. */
const EXCERPT_MIN = 600;
const CONTEXT = 180;

/** The window of a long passage where both names are closest (or around the first one). */
function excerptWindow(p: Passage, a: string, b: string): { start: number; end: number } | null {
  if (p.text.length <= EXCERPT_MIN || p.highlights.length === 0) return null;
  const as = p.highlights.filter((hl) => hl.entity === a);
  const bs = p.highlights.filter((hl) => hl.entity === b);
  let best = { start: p.highlights[0].start, end: p.highlights[0].end };
  let bestSpan = Infinity;
  for (const x of as) {
    for (const y of bs) {
      const start = Math.min(x.start, y.start);
      const end = Math.max(x.end, y.end);
      if (end - start < bestSpan) {
        bestSpan = end - start;
        best = { start, end };
      }
    }
  }
  let start = Math.max(0, best.start - CONTEXT);
  let end = Math.min(p.text.length, best.end + CONTEXT);
  // Whole words at the cut.
  if (start > 0) start = p.text.indexOf(' ', start) + 1 || start;
  if (end < p.text.length) end = Math.max(best.end, p.text.lastIndexOf(' ', end));
  if (end - start > p.text.length * 0.8) return null;
  return { start, end };
}

function passageText(p: Passage, pair: PairEvidence, window: { start: number; end: number } | null): DocumentFragment {
  const from = window?.start ?? 0;
  const to = window?.end ?? p.text.length;
  const spans = p.highlights
    .filter((hl) => hl.start >= from && hl.end <= to)
    .map((hl) => ({
      start: hl.start - from,
      end: hl.end - from,
      className: hl.entity === pair.a.id ? 'mark-a' : hl.entity === pair.b.id ? 'mark-b' : 'mark-other',
    }));
  const fragment = document.createDocumentFragment();
  if (from > 0) fragment.append('… ');
  fragment.appendChild(markText(p.text.slice(from, to), spans));
  if (to < p.text.length) fragment.append(' …');
  return fragment;
}

function passageBlock(p: Passage, pair: PairEvidence): HTMLElement {
  const window = excerptWindow(p, pair.a.id, pair.b.id);
  const body = h('span', { class: 'passage-text' }, passageText(p, pair, window));
  let whole = false;
  const toggle = window
    ? h(
        'button',
        {
          class: 'link small passage-toggle',
          'data-testid': 'passage-toggle',
          onclick: () => {
            whole = !whole;
            replace(body, passageText(p, pair, whole ? null : window));
            toggle!.textContent = whole ? 'excerpt' : 'whole paragraph';
          },
        },
        'whole paragraph',
      )
    : null;
  return h(
    'blockquote',
    { class: 'passage', 'data-testid': 'evidence-passage' },
    h(
      'span',
      {
        class: 'paragraph-number',
        title: p.paragraph === 0 ? 'Header (subject, references)' : `Paragraph ${p.paragraph}`,
      },
      p.paragraph === 0 ? 'hdr' : `¶${p.paragraph}`,
    ),
    body,
    toggle,
  );
}

function evidenceItem(pair: PairEvidence, cable: EvidenceCable, actions: PanelActions): HTMLElement {
  const emphasis = [pair.a.id, pair.b.id];
  const firstParagraph = cable.sharedParagraphs[0] ?? cable.passages[0]?.paragraph;
  const open = (): void => actions.openCable(cable.id, emphasis, firstParagraph);
  return h(
    'li',
    { class: 'evidence-item', 'data-testid': 'evidence-item', 'data-cable-id': cable.id },
    cableLine(cable, open),
    cable.subject ? h('p', { class: 'cable-subject' }, cable.subject) : null,
    ...cable.passages.map((p) => passageBlock(p, pair)),
    cable.sharedParagraphs.length === 0 && cable.passages.length > 0
      ? h('p', { class: 'muted small' }, 'Named in different paragraphs of this cable.')
      : null,
    h(
      'button',
      { class: 'link read-cable', 'data-testid': 'evidence-open-cable', onclick: open },
      'Read the full cable ›',
    ),
  );
}

export interface EvidencePanel {
  element: HTMLElement;
  /** Appends the next page of cables. */
  append(page: PairEvidence): void;
}

/** `loadMore(offset)` fetches the next page; the panel asks for it from its "more" button. */
export function evidencePanel(
  pair: PairEvidence,
  actions: PanelActions,
  loadMore: (offset: number) => void,
): EvidencePanel {
  const name = (n: PairEvidence['a'], cls: string): HTMLElement =>
    h(
      'button',
      {
        class: `link pair-name ${cls}`,
        style: `--type:${TYPE_COLOURS[n.type]}`,
        onclick: () => actions.openEntity(n.id),
        title: `Open ${cleanName(n.name)}`,
      },
      cleanName(n.name),
    );
  const list = h('ol', { class: 'evidence-list', 'data-testid': 'evidence-list' });
  const more = h('button', { class: 'button more', 'data-testid': 'evidence-more' }, '');
  let shown = 0;

  const update = (): void => {
    more.hidden = shown >= pair.total;
    more.textContent = `Show more (${formatNumber(shown)} of ${formatNumber(pair.total)})`;
  };
  more.addEventListener('click', () => {
    more.disabled = true;
    loadMore(shown);
  });

  const element = h(
    'section',
    { class: 'panel', 'data-testid': 'panel-evidence', 'data-a': pair.a.id, 'data-b': pair.b.id },
    panelHeader(
      h('span', { class: 'type-badge neutral' }, 'Co-mentions'),
      h(
        'h2',
        { class: 'pair-title' },
        name(pair.a, 'mark-a'),
        h('span', { class: 'pair-sep' }, '↔'),
        name(pair.b, 'mark-b'),
      ),
      actions,
    ),
    h(
      'dl',
      { class: 'facts' },
      h('div', {}, h('dt', {}, 'Cables'), h('dd', { 'data-testid': 'evidence-total' }, formatNumber(pair.total))),
      pair.edge
        ? h(
            'div',
            {},
            h('dt', {}, 'Weight'),
            h('dd', { title: 'cables + paragraphs naming both' }, formatNumber(pair.edge.weight)),
          )
        : null,
      pair.edge
        ? h(
            'div',
            { class: 'wide' },
            h('dt', {}, 'Together'),
            h('dd', {}, dateSpan(pair.edge.firstDate, pair.edge.lastDate) || 'undated'),
          )
        : null,
    ),
    pair.total === 0
      ? h('p', { class: 'muted' }, 'No cable names both.')
      : actions.exportLinks({ kind: 'evidence', a: pair.a.id, b: pair.b.id }, `all ${formatNumber(pair.total)} cables`),
    list,
    more,
  );

  const panel: EvidencePanel = {
    element,
    append(page) {
      for (const cable of page.cables) list.appendChild(evidenceItem(pair, cable, actions));
      shown += page.cables.length;
      more.disabled = false;
      if (page.cables.length === 0) shown = pair.total;
      update();
    },
  };
  panel.append(pair);
  return panel;
}
