// The page's frame: top bar, sidebar, graph stage with its overlays, side panel, cable overlay.
import { communityColour, TYPE_COLOURS } from './colours';
import { formatNumber, h, plural, replace } from './dom';
import { ENTITY_KINDS, type EntityKind } from '../../src/model';

/** Communities listed in the legend (the largest in view); the others are counted. */
const LEGEND_COMMUNITIES = 8;

export interface ShellEvents {
  reset(): void;
  toggleLayout(): void;
  exportGexf(): void;
  exportPng(): void;
  zoom(direction: 'in' | 'out' | 'fit'): void;
  colourBy(mode: 'type' | 'community'): void;
}

export interface Shell {
  root: HTMLElement;
  search: HTMLElement;
  sidebar: HTMLElement;
  stage: HTMLElement;
  panel: HTMLElement;
  overlay: HTMLElement;
  /** The canvas legend (the link kinds' control goes there). */
  legend: HTMLElement;
  setStats(text: string): void;
  /** `linksAnswered`: links before the viewer's budget kept the heaviest. */
  setCounts(nodes: number, edges: number, truncated: boolean, linksAnswered?: number): void;
  setTypeCounts(counts: Record<EntityKind, number>): void;
  /** The legend of the colouring: entity types, or the largest communities in view. */
  setLegend(
    mode: 'type' | 'community',
    communities: ReadonlyArray<{ community: number; size: number; names: string[] }>,
  ): void;
  setLayoutRunning(running: boolean): void;
  setBusy(busy: boolean): void;
  setExporting(what: 'gexf' | 'png', busy: boolean): void;
}

export function createShell(searchBox: HTMLElement, events: ShellEvents): Shell {
  const stats = h('div', { class: 'topbar-stats', 'data-testid': 'topbar-stats' });
  const layoutButton = h(
    'button',
    {
      class: 'button',
      'data-testid': 'layout-toggle',
      title: 'Run ForceAtlas2 (in a web worker)',
      onclick: () => events.toggleLayout(),
    },
    '▶ Layout',
  );
  const gexfButton = h(
    'button',
    {
      class: 'button',
      'data-testid': 'export-gexf',
      title: 'The entities shown and their co-mentions, for Gephi',
      onclick: () => events.exportGexf(),
    },
    '⤓ GEXF',
  );
  const pngButton = h(
    'button',
    {
      class: 'button',
      'data-testid': 'export-png',
      title: 'An image of the graph as shown',
      onclick: () => events.exportPng(),
    },
    '⤓ PNG',
  );
  const topbar = h(
    'header',
    { class: 'topbar' },
    h(
      'a',
      { class: 'brand', href: '#/', title: 'Overview', onclick: (e: Event) => (e.preventDefault(), events.reset()) },
      h('span', { class: 'brand-mark' }, '◉'),
      'cablegraph',
    ),
    h('div', { class: 'topbar-search' }, searchBox),
    stats,
    h(
      'div',
      { class: 'topbar-actions' },
      h(
        'button',
        { class: 'button', 'data-testid': 'reset-view', title: 'Back to the overview', onclick: () => events.reset() },
        'Overview',
      ),
      layoutButton,
      gexfButton,
      pngButton,
    ),
  );

  const counts = h('div', { class: 'stage-counts', 'data-testid': 'graph-counts', 'data-nodes': 0, 'data-edges': 0 });
  const busy = h('div', { class: 'stage-busy', 'data-testid': 'loading', hidden: true });
  const typeCounts = new Map<EntityKind, HTMLElement>();
  const colourType = h('input', {
    type: 'radio',
    name: 'colour-by',
    value: 'type',
    checked: true,
    'data-testid': 'colour-by-type',
  });
  const colourCommunity = h('input', {
    type: 'radio',
    name: 'colour-by',
    value: 'community',
    'data-testid': 'colour-by-community',
  });
  colourType.addEventListener('change', () => events.colourBy('type'));
  colourCommunity.addEventListener('change', () => events.colourBy('community'));
  const typeRows = ENTITY_KINDS.map((kind) => {
    const count = h('span', { class: 'legend-count' });
    typeCounts.set(kind, count);
    return h(
      'div',
      { class: 'legend-row', 'data-testid': 'legend-type' },
      h('span', { class: 'dot', style: `background:${TYPE_COLOURS[kind]}` }),
      kind,
      count,
    );
  });
  const communityRows = h('div', { class: 'legend-communities', 'data-testid': 'legend-communities', hidden: true });
  const legend = h(
    'div',
    { class: 'legend', 'data-testid': 'legend', 'data-mode': 'type' },
    ...typeRows,
    communityRows,
    h('div', { class: 'legend-note' }, 'size: weighted degree · line: co-mention weight'),
    h(
      'div',
      { class: 'legend-colour' },
      'Colour by',
      h('label', {}, colourType, 'type'),
      h('label', {}, colourCommunity, 'community'),
    ),
  );
  const zoom = h(
    'div',
    { class: 'zoom-controls' },
    h(
      'button',
      { class: 'icon-button', title: 'Zoom in', 'aria-label': 'Zoom in', onclick: () => events.zoom('in') },
      '+',
    ),
    h(
      'button',
      { class: 'icon-button', title: 'Zoom out', 'aria-label': 'Zoom out', onclick: () => events.zoom('out') },
      '−',
    ),
    h(
      'button',
      {
        class: 'icon-button',
        title: 'Fit the graph',
        'aria-label': 'Fit',
        'data-testid': 'zoom-fit',
        onclick: () => events.zoom('fit'),
      },
      '⤢',
    ),
  );
  const stage = h('div', { class: 'sigma-container', 'data-testid': 'graph' });
  const main = h('main', { class: 'stage' }, stage, counts, busy, legend, zoom);
  const sidebar = h('aside', { class: 'sidebar', 'data-testid': 'sidebar' });
  const panel = h('aside', { class: 'side-panel', 'data-testid': 'side-panel' });
  const overlay = h('div', { class: 'cable-overlay', 'data-testid': 'cable-overlay', hidden: true });
  const root = h('div', { class: 'app' }, topbar, h('div', { class: 'workspace' }, sidebar, main, panel), overlay);

  return {
    root,
    search: searchBox,
    sidebar,
    stage,
    panel,
    overlay,
    legend,
    setStats: (text) => (stats.textContent = text),
    setCounts(nodes, edges, truncated, linksAnswered) {
      counts.dataset.nodes = String(nodes);
      counts.dataset.edges = String(edges);
      replace(
        counts,
        h('strong', {}, plural(nodes, 'entity', 'entities')),
        ' · ',
        plural(edges, 'co-mention link'),
        linksAnswered
          ? h(
              'span',
              {
                class: 'truncated',
                title: 'The heaviest links only: raise the minimum weight to see the strongest ones',
              },
              ` (heaviest of ${formatNumber(linksAnswered)})`,
            )
          : null,
        truncated
          ? h(
              'span',
              { class: 'truncated', title: 'More entities match: raise the overview size or narrow the filters' },
              ' · top only',
            )
          : null,
      );
    },
    setTypeCounts(countsByType) {
      for (const [kind, el] of typeCounts) el.textContent = formatNumber(countsByType[kind] ?? 0);
    },
    setLegend(mode, communities) {
      legend.dataset.mode = mode;
      colourType.checked = mode === 'type';
      colourCommunity.checked = mode === 'community';
      for (const row of typeRows) row.hidden = mode !== 'type';
      communityRows.hidden = mode !== 'community';
      if (mode !== 'community') return;
      const shown = communities.slice(0, LEGEND_COMMUNITIES);
      const rest = communities.slice(LEGEND_COMMUNITIES);
      replace(
        communityRows,
        ...shown.map((c) =>
          h(
            'div',
            {
              class: 'legend-row',
              'data-testid': 'legend-community',
              'data-community': c.community,
              title: c.names.join(', '),
            },
            h('span', { class: 'dot', style: `background:${communityColour(c.community)}` }),
            h('span', { class: 'legend-name' }, `#${c.community} ${c.names.slice(0, 2).join(', ')}`),
            h('span', { class: 'legend-count' }, formatNumber(c.size)),
          ),
        ),
        rest.length > 0
          ? h(
              'div',
              { class: 'legend-row muted' },
              `${plural(rest.length, 'other community', 'other communities')} (${formatNumber(rest.reduce((n, c) => n + c.size, 0))})`,
            )
          : null,
      );
    },
    setLayoutRunning(running) {
      layoutButton.textContent = running ? '❚❚ Stop layout' : '▶ Layout';
      layoutButton.classList.toggle('active', running);
      layoutButton.dataset.running = String(running);
    },
    setBusy(isBusy) {
      busy.hidden = !isBusy;
    },
    setExporting(what, isBusy) {
      const button = what === 'gexf' ? gexfButton : pngButton;
      button.disabled = isBusy;
    },
  };
}
