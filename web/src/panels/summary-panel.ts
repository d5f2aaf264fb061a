// The landing panel: the graph as a whole, the most central entities shown, how to explore.
import { TYPE_COLOURS } from '../colours';
import { dateSpan, formatNumber, h, plural } from '../dom';
import { coMentionCount, type ViewGraph } from '../graph-model';
import type { Filters } from '../state';
import type { PanelActions } from './actions';
import type { GraphStats } from '../../../src/model';

const TOP = 15;

export interface SummaryContext {
  /** The filters in force: the dates shown, and what "in view" means. */
  filters: Filters;
  /** Hubs the sparser overview hides. */
  hiddenHubs: string[];
}

/**
 * The landing panel. "Most central in view" ranks what the graph shows under the filters: by the
 * weight of each entity's links in view (a date window or a minimum weight changes the ranking),
 * global PageRank breaking ties.
 */
export function summaryPanel(
  stats: GraphStats | undefined,
  graph: ViewGraph,
  actions: PanelActions,
  context?: SummaryContext,
): HTMLElement {
  const inView = new Map<string, number>();
  graph.forEachEdge((_e, attrs, source, target) => {
    inView.set(source, (inView.get(source) ?? 0) + attrs.weight);
    inView.set(target, (inView.get(target) ?? 0) + attrs.weight);
  });
  const top = graph
    .mapNodes((id, attrs) => ({ id, ...attrs, inView: inView.get(id) ?? 0 }))
    .sort((a, b) => b.inView - a.inView || b.pagerank - a.pagerank || (a.id < b.id ? -1 : 1))
    .slice(0, TOP);
  const f = context?.filters;
  const window =
    f && (f.since || f.until)
      ? dateSpan(f.since || stats?.firstDate?.slice(0, 10), f.until || stats?.lastDate?.slice(0, 10))
      : undefined;
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
          stats.firstDate
            ? h('div', { class: 'wide' }, h('dt', {}, 'Dated'), h('dd', {}, dateSpan(stats.firstDate, stats.lastDate)))
            : null,
          window
            ? h(
                'div',
                { class: 'wide', 'data-testid': 'stats-window' },
                h('dt', {}, 'Shown'),
                h('dd', {}, `links dated ${window}`),
              )
            : null,
        )
      : null,
    h(
      'p',
      { class: 'muted small', 'data-testid': 'view-summary' },
      `In view: ${plural(graph.order, 'entity', 'entities')}, ${plural(coMentionCount(graph), 'link')}${window ? ` dated ${window}` : ''}${f && f.minWeight > 1 ? `, weight ≥ ${f.minWeight}` : ''}.`,
    ),
    context && context.hiddenHubs.length > 0
      ? h('p', { class: 'muted small', 'data-testid': 'hidden-hubs' }, `Hubs hidden: ${context.hiddenHubs.join(', ')}.`)
      : null,
    h(
      'div',
      { class: 'block' },
      h('h3', {}, 'Most central in view', h('span', { class: 'hint' }, 'by link weight in view')),
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
                h('span', { class: 'muted', title: 'Summed weight of its links in view' }, formatNumber(n.inView)),
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
        h(
          'li',
          {},
          'Click an entity to add its co-mentions to the graph; click a link, or a co-mention in the panel, to read the cables that name both.',
        ),
        h(
          'li',
          {},
          'Find how two entities connect with the path finder; narrow the graph by type, weight and date with the filters.',
        ),
        h('li', {}, 'Export what you see as GEXF (Gephi) or PNG.'),
      ),
    ),
  );
}
