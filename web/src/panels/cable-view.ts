// The full cable: header, routing, tags, references and the text with every entity mention marked.
import { TYPE_COLOURS } from '../colours';
import { cleanName, formatNumber, h, markText, type Span } from '../dom';
import type { CableLinks } from '../browse-api';
import type { PanelActions } from './actions';
import { linkedMeta, referencesBlock } from './cable-links';
import { classificationBadge } from './common';
import type { CableDetail, CableEntity } from '../../../src/model';

function metaRow(label: string, value: Node | string | null | undefined): HTMLElement | null {
  if (value === null || value === undefined || value === '') return null;
  return h('div', { class: 'meta-row' }, h('dt', {}, label), h('dd', {}, value));
}

function list(items: string[]): string | null {
  return items.length > 0 ? items.join(', ') : null;
}

/** The text cut at paragraph starts (each piece a block that can be scrolled to), mentions marked. */
function cableText(cable: CableDetail, emphasis: readonly string[]): HTMLElement {
  const spans: Span[] = [];
  for (const entity of cable.entities) {
    const rank = emphasis.indexOf(entity.id);
    const strong = rank < 0 ? '' : rank === 0 ? ' mention-strong' : ' mention-strong mention-b';
    for (const m of entity.mentions) {
      spans.push({
        start: m.start,
        end: m.end,
        className: `mention mention-${entity.type}${strong}`,
        title: `${cleanName(entity.name)} (${entity.type})`,
        entity: entity.id,
      });
    }
  }
  const cuts = [...new Set([0, ...cable.paragraphs.map((p) => p.start), cable.text.length])]
    .filter((c) => c >= 0 && c <= cable.text.length)
    .sort((a, b) => a - b);
  const paragraphAt = new Map(cable.paragraphs.map((p) => [p.start, p.number]));
  const body = h('div', { class: 'cable-text', 'data-testid': 'cable-text' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const end = cuts[i + 1];
    const piece = spans
      .filter((s) => s.start >= start && s.end <= end)
      .map((s) => ({ ...s, start: s.start - start, end: s.end - start }));
    const number = paragraphAt.get(start);
    body.appendChild(
      h(
        'div',
        { class: 'cable-chunk', 'data-paragraph': number ?? null },
        markText(cable.text.slice(start, end), piece),
      ),
    );
  }
  return body;
}

function entityChip(entity: CableEntity, rank: number, actions: PanelActions): HTMLElement {
  return h(
    'li',
    {},
    h(
      'button',
      {
        class: `chip entity-chip${rank < 0 ? '' : rank === 0 ? ' strong' : ' strong strong-b'}`,
        style: `--type:${TYPE_COLOURS[entity.type]}`,
        'data-entity': entity.id,
        title: `Open ${cleanName(entity.name)}`,
        onclick: () => actions.openEntity(entity.id),
      },
      h('span', { class: 'dot', style: `background:${TYPE_COLOURS[entity.type]}` }),
      cleanName(entity.name),
      h('span', { class: 'chip-count' }, `×${formatNumber(entity.mentions.length)}`),
    ),
  );
}

/**
 * `emphasis`: entities marked strongly (the pair the reader came from); `paragraph`: scrolled to;
 * `links`: the cable's posts, tags and authors as nodes and its references both ways (without them,
 * the names as written).
 */
export function cableView(
  cable: CableDetail,
  actions: PanelActions,
  emphasis: string[] = [],
  paragraph?: number,
  links?: CableLinks,
): HTMLElement {
  const linked = links ? linkedMeta(links, actions) : undefined;
  const strong = new Set(emphasis);
  const entities = [...cable.entities].sort(
    (a, b) =>
      Number(strong.has(b.id)) - Number(strong.has(a.id)) ||
      b.mentions.length - a.mentions.length ||
      a.name.localeCompare(b.name),
  );
  const text = cableText(cable, emphasis);
  text.addEventListener('click', (event) => {
    const mark = (event.target as HTMLElement).closest('mark[data-entity]');
    const id = mark?.getAttribute('data-entity');
    if (id) actions.openEntity(id);
  });

  const view = h(
    'article',
    { class: 'cable-view', 'data-testid': 'panel-cable', 'data-cable-id': cable.id },
    h(
      'header',
      { class: 'cable-header' },
      h(
        'div',
        { class: 'cable-title' },
        h('h2', { 'data-testid': 'cable-id' }, cable.id),
        classificationBadge(cable.classification),
        ...cable.caveats.map((c) => h('span', { class: 'caveat' }, c)),
        actions.bookmark('cable', cable.id),
        h(
          'button',
          {
            class: 'icon-button',
            title: 'Close (Esc)',
            'aria-label': 'Close',
            'data-testid': 'cable-close',
            onclick: () => actions.close(),
          },
          '×',
        ),
      ),
      cable.subject ? h('p', { class: 'cable-subject', 'data-testid': 'cable-subject' }, cable.subject) : null,
    ),
    h(
      'div',
      { class: 'cable-body' },
      h(
        'aside',
        { class: 'cable-meta' },
        h(
          'dl',
          {},
          metaRow('Date', cable.date ?? cable.created),
          metaRow('Origin', cable.origin),
          metaRow('From', linked?.from ?? cable.from),
          metaRow('To', linked?.to ?? list(cable.to)),
          metaRow('Info', linked?.info ?? list(cable.info)),
          metaRow('Classified by', linked?.classifiedBy ?? cable.classifiedBy),
          metaRow('Signed', linked?.signers ?? list(cable.signers)),
          linked?.tags
            ? metaRow('Tags', linked.tags)
            : cable.tags.length > 0
              ? metaRow(
                  'Tags',
                  h(
                    'span',
                    { class: 'tags' },
                    ...cable.tags.map((t) => h('span', { class: 'tag', title: t.label ?? t.code }, t.code)),
                  ),
                )
              : null,
          !links && cable.references.length > 0
            ? metaRow(
                'References',
                h(
                  'span',
                  { class: 'refs' },
                  ...cable.references.map((r) =>
                    h('a', { href: `#/cable/${encodeURIComponent(r)}`, class: 'cable-ref' }, r),
                  ),
                ),
              )
            : null,
        ),
        links ? referencesBlock(links, actions) : null,
        entities.length > 0
          ? h(
              'div',
              { class: 'block' },
              h('h3', {}, `Entities (${entities.length})`),
              h(
                'ul',
                { class: 'chips', 'data-testid': 'cable-entities' },
                ...entities.map((e) => entityChip(e, emphasis.indexOf(e.id), actions)),
              ),
            )
          : null,
      ),
      text,
    ),
  );
  if (paragraph !== undefined) {
    requestAnimationFrame(() =>
      text.querySelector(`[data-paragraph="${paragraph}"]`)?.scrollIntoView({ block: 'start' }),
    );
  }
  return view;
}
