// The entity panel: aliases with counts, cable count, dates, timeline, strongest co-mentions.
import { TYPE_COLOURS } from '../colours';
import { cleanName, dateSpan, formatNumber, h, plural } from '../dom';
import type { PanelActions } from './actions';
import { panelHeader } from './common';
import { entityCables } from './entity-cables';
import type { EntityCurationView } from './entity-curation';
import { relationsBlock } from './relations';
import { timelineChart } from './timeline';
import type { EntityDetail, Neighbour } from '../../../src/model';

const NEIGHBOURS_SHOWN = 25;

function neighbourItem(entity: EntityDetail, n: Neighbour, maxWeight: number, actions: PanelActions): HTMLElement {
  const share = Math.max(4, Math.round((100 * n.edgeWeight) / maxWeight));
  return h(
    'li',
    { class: 'neighbour', 'data-testid': 'neighbour-item', 'data-id': n.id },
    h('span', { class: 'dot', style: `background:${TYPE_COLOURS[n.type]}` }),
    h(
      'button',
      {
        class: 'link neighbour-name',
        title: `Open ${cleanName(n.name)}`,
        'data-testid': 'neighbour-open',
        onclick: () => actions.openEntity(n.id),
      },
      cleanName(n.name),
    ),
    h(
      'button',
      {
        class: 'neighbour-evidence',
        title: `Cables mentioning ${cleanName(entity.name)} and ${cleanName(n.name)}`,
        'data-testid': 'neighbour-evidence',
        onclick: () => actions.openPair(entity.id, n.id),
      },
      h('span', { class: 'weight-bar' }, h('span', { style: `width:${share}%` })),
      h('span', { class: 'neighbour-count' }, plural(n.edgeCableCount, 'cable')),
      h('span', { class: 'chevron', 'aria-hidden': 'true' }, '›'),
    ),
  );
}

/** `curate`: the curation controls (when the server takes decisions), given the box holding the name. */
export function entityPanel(
  entity: EntityDetail,
  actions: PanelActions,
  curate?: (entity: EntityDetail, title: HTMLElement) => EntityCurationView,
): HTMLElement {
  const colour = TYPE_COLOURS[entity.type];
  const neighbours = entity.neighbours.slice(0, NEIGHBOURS_SHOWN);
  const maxWeight = Math.max(1, ...neighbours.map((n) => n.edgeWeight));
  const chart = timelineChart(entity.timeline, colour);
  // Spellings that differ only by line breaks are one alias.
  const merged = new Map<string, number>();
  for (const a of entity.aliases) merged.set(cleanName(a.text), (merged.get(cleanName(a.text)) ?? 0) + a.count);
  const aliases = [...merged].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
  const title = h('div', { class: 'entity-title' }, h('h2', { 'data-testid': 'entity-name' }, cleanName(entity.name)));
  const curation = curate?.(entity, title);
  if (curation) title.append(curation.titleTools);

  return h(
    'section',
    { class: 'panel', 'data-testid': 'panel-entity', 'data-id': entity.id },
    panelHeader(h('span', { class: 'type-badge', style: `--type:${colour}` }, entity.type), title, actions),
    h(
      'dl',
      { class: 'facts' },
      h(
        'div',
        {},
        h('dt', {}, 'Cables'),
        h('dd', { 'data-testid': 'entity-cable-count' }, formatNumber(entity.cableCount)),
      ),
      h(
        'div',
        {},
        h('dt', { title: 'Entities co-mentioned with it' }, 'Links'),
        h('dd', {}, formatNumber(entity.degree)),
      ),
      h('div', {}, h('dt', {}, 'Weighted degree'), h('dd', {}, formatNumber(entity.weightedDegree))),
      h(
        'div',
        { class: 'wide' },
        h('dt', {}, 'Mentioned'),
        h('dd', { 'data-testid': 'entity-dates' }, dateSpan(entity.firstDate, entity.lastDate) || 'undated'),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          class: 'button',
          'data-testid': 'entity-isolate',
          title: 'Show only this entity and its co-mentions',
          onclick: () => actions.isolate(entity.id),
        },
        'Show only this network',
      ),
      h(
        'button',
        { class: 'button', 'data-testid': 'entity-path-from', onclick: () => actions.setPathEnd('from', entity) },
        'Path from',
      ),
      h(
        'button',
        { class: 'button', 'data-testid': 'entity-path-to', onclick: () => actions.setPathEnd('to', entity) },
        'Path to',
      ),
      actions.bookmark('entity', entity.id),
    ),
    entityCables(entity, actions),
    actions.exportLinks({ kind: 'entity', id: entity.id }, 'the evidence of its strongest links'),
    curation?.block ?? null,
    aliases.length > 0
      ? h(
          'div',
          { class: 'block' },
          h('h3', {}, 'Written as'),
          h(
            'ul',
            { class: 'chips', 'data-testid': 'entity-aliases' },
            ...aliases.map((a) =>
              h(
                'li',
                { class: 'chip', title: `${plural(a.count, 'mention')} as “${a.text}”` },
                a.text,
                h('span', { class: 'chip-count' }, `×${formatNumber(a.count)}`),
              ),
            ),
          ),
        )
      : null,
    chart ? h('div', { class: 'block' }, h('h3', {}, 'Cables over time'), chart) : null,
    relationsBlock(entity.id, actions),
    h(
      'div',
      { class: 'block' },
      h('h3', {}, 'Most co-mentioned', h('span', { class: 'hint' }, 'name: open · bar: the cables')),
      neighbours.length > 0
        ? h(
            'ul',
            { class: 'neighbours', 'data-testid': 'neighbour-list' },
            ...neighbours.map((n) => neighbourItem(entity, n, maxWeight, actions)),
          )
        : h('p', { class: 'muted' }, 'No co-mentions.'),
    ),
  );
}
