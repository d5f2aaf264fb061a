// The landing panel: the graph as a whole, the most central entities shown, how to explore.
import type { GraphStats } from '../../../src/server/types';
import { TYPE_COLOURS } from '../colours';
import { dateSpan, formatNumber, h, plural } from '../dom';
import type { ViewGraph } from '../graph-model';
import type { PanelActions } from './actions';

const TOP = 15;

export function summaryPanel(stats: GraphStats | undefined, graph: ViewGraph, actions: PanelActions): HTMLElement {
  const top = graph
    .mapNodes((id, attrs) => ({ id, ...attrs }))
    .sort((a, b) => b.pagerank - a.pagerank)
    .slice(0, TOP);
  return h(
    'section',
    { class: 'panel', 'data-testid': 'panel-summary' },
    h('header', { class: 'panel-header' }, h('div', { class: 'panel-title' }, h('h2', {}, 'The cables at a glance'))),
    stats
      ? h(
          'dl',
          { class: 'facts', 'data-testid': 'stats' },
          h('div', {}, h('dt', {}, 'Cables'), h('dd', {}, formatNumber(stats.cables))),
          h('div', {}, h('dt', {}, 'Entities'), h('dd', {}, formatNumber(stats.entities))),
          h('div', {}, h('dt', {}, 'Co-mentions'), h('dd', {}, formatNumber(stats.coMentions))),
          h('div', {}, h('dt', {}, 'Communities'), h('dd', {}, formatNumber(stats.communities))),
          stats.firstDate ? h('div', { class: 'wide' }, h('dt', {}, 'Dated'), h('dd', {}, dateSpan(stats.firstDate, stats.lastDate))) : null,
        )
      : null,
    h(
      'div',
      { class: 'block' },
      h('h3', {}, 'Most central in view', h('span', { class: 'hint' }, 'by PageRank')),
      top.length > 0
        ? h(
            'ol',
            { class: 'ranking', 'data-testid': 'top-entities' },
            ...top.map((n) =>
              h(
                'li',
                {},
                h(
                  'button',
                  { class: 'link', 'data-id': n.id, onclick: () => actions.openEntity(n.id) },
                  h('span', { class: 'dot', style: `background:${TYPE_COLOURS[n.kind]}` }),
                  n.label,
                ),
                h('span', { class: 'muted' }, plural(n.cableCount, 'cable')),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'Nothing matches the filters.'),
    ),
    h(
      'div',
      { class: 'block help' },
      h('h3', {}, 'Exploring'),
      h(
        'ul',
        {},
        h('li', {}, 'Search a person, organization or place (', h('kbd', {}, '/'), ' focuses the search).'),
        h('li', {}, 'Click an entity to add its co-mentions to the graph; click a link, or a co-mention in the panel, to read the cables that name both.'),
        h('li', {}, 'Find how two entities connect with the path finder; narrow the graph by type, weight and date with the filters.'),
        h('li', {}, 'Export what you see as GEXF (Gephi) or PNG.'),
      ),
    ),
  );
}
