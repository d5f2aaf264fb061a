// The evidence of a pair: the cables naming both, with the passages and both names marked.
import type { EvidenceCable, PairEvidence } from '../../../src/server/types';
import { TYPE_COLOURS } from '../colours';
import { cleanName, dateSpan, formatNumber, h, markText } from '../dom';
import type { PanelActions } from './actions';
import { cableLine, panelHeader } from './common';

function evidenceItem(pair: PairEvidence, cable: EvidenceCable, actions: PanelActions): HTMLElement {
  const emphasis = [pair.a.id, pair.b.id];
  const firstParagraph = cable.sharedParagraphs[0] ?? cable.passages[0]?.paragraph;
  const open = (): void => actions.openCable(cable.id, emphasis, firstParagraph);
  return h(
    'li',
    { class: 'evidence-item', 'data-testid': 'evidence-item', 'data-cable-id': cable.id },
    cableLine(cable, open),
    cable.subject ? h('p', { class: 'cable-subject' }, cable.subject) : null,
    ...cable.passages.map((p) =>
      h(
        'blockquote',
        { class: 'passage', 'data-testid': 'evidence-passage' },
        h('span', { class: 'paragraph-number', title: p.paragraph === 0 ? 'Header (subject, references)' : `Paragraph ${p.paragraph}` }, p.paragraph === 0 ? 'hdr' : `¶${p.paragraph}`),
        markText(
          p.text,
          p.highlights.map((hl) => ({ start: hl.start, end: hl.end, className: hl.entity === pair.a.id ? 'mark-a' : hl.entity === pair.b.id ? 'mark-b' : 'mark-other' })),
        ),
      ),
    ),
    cable.sharedParagraphs.length === 0 && cable.passages.length > 0
      ? h('p', { class: 'muted small' }, 'Named in different paragraphs of this cable.')
      : null,
    h('button', { class: 'link read-cable', 'data-testid': 'evidence-open-cable', onclick: open }, 'Read the full cable ›'),
  );
}

export interface EvidencePanel {
  element: HTMLElement;
  /** Appends the next page of cables. */
  append(page: PairEvidence): void;
}

/** `loadMore(offset)` fetches the next page; the panel asks for it from its "more" button. */
export function evidencePanel(pair: PairEvidence, actions: PanelActions, loadMore: (offset: number) => void): EvidencePanel {
  const name = (n: PairEvidence['a'], cls: string): HTMLElement =>
    h('button', { class: `link pair-name ${cls}`, style: `--type:${TYPE_COLOURS[n.type]}`, onclick: () => actions.openEntity(n.id), title: `Open ${cleanName(n.name)}` }, cleanName(n.name));
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
    panelHeader(h('span', { class: 'type-badge neutral' }, 'Co-mentions'), h('h2', { class: 'pair-title' }, name(pair.a, 'mark-a'), h('span', { class: 'pair-sep' }, '↔'), name(pair.b, 'mark-b')), actions),
    h(
      'dl',
      { class: 'facts' },
      h('div', {}, h('dt', {}, 'Cables'), h('dd', { 'data-testid': 'evidence-total' }, formatNumber(pair.total))),
      pair.edge ? h('div', {}, h('dt', {}, 'Weight'), h('dd', { title: 'cables + paragraphs naming both' }, formatNumber(pair.edge.weight))) : null,
      pair.edge ? h('div', { class: 'wide' }, h('dt', {}, 'Together'), h('dd', {}, dateSpan(pair.edge.firstDate, pair.edge.lastDate) || 'undated')) : null,
    ),
    pair.total === 0 ? h('p', { class: 'muted' }, 'No cable names both.') : null,
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
