// The viewer's composition root: what is shown (sources), routes, and the wiring of the parts.
import type { DecisionSummary, MeetingLink } from '../../src/model';
import { api } from './api';
import { browseApi, type CableLinks, type CableQuery } from './browse-api';
import { Curation } from './curation';
import { dateSpan, download, formatNumber, h, replace } from './dom';
import { exportGexf, exportPng } from './export';
import { createFilters, type FilterControls } from './filters';
import {
  coMentionCount,
  communitiesInView,
  countByType,
  createViewGraph,
  edgeKey,
  isMeeting,
  meetingKey,
  mergeSubgraphs,
  placeNewNodes,
  replaceWithSubgraphs,
  setMeetingLinks,
  sparserOverview,
} from './graph-model';
import { createLinkKinds, type LinkKindsControl } from './link-kinds';
import { createLayout, settle, type Layout } from './layout';
import type { PanelActions } from './panels/actions';
import { cableView } from './panels/cable-view';
import { cablesPanel } from './panels/cables-panel';
import { loadingPanel } from './panels/common';
import { curationPanel, curationSection } from './panels/curation';
import { entityCuration } from './panels/entity-curation';
import { entityPanel } from './panels/entity-panel';
import { evidencePanel } from './panels/evidence-panel';
import { meetingsPanel } from './panels/meetings-panel';
import { pathsPanel } from './panels/paths-panel';
import { summaryPanel } from './panels/summary-panel';
import { createTextSearchBox, textSearchPanel } from './panels/text-search-panel';
import { createPathFinder, type PathFinder } from './path-finder';
import { createRenderer, type Renderer, type RendererHandle } from './renderer';
import { createRouter, type Route } from './router';
import { createAutocomplete } from './search';
import { createShell, type Shell } from './shell';
import { DEFAULT_FILTERS, type Filters, Store } from './state';
import { bookmarkControl, Bookmarks, bookmarksSection, exportLinks } from './takeaway';
import { showError, toast } from './toast';
import type { GraphStats, Subgraph } from '../../src/model';

/** What tests and benchmarks read (`window.cablegraph`). */
export interface CablegraphHook {
  ready: boolean;
  /** performance.now() when the first overview finished rendering. */
  renderedAt?: number;
  graph: ReturnType<typeof createViewGraph>;
  renderer?: Renderer;
  store: Store;
  app: App;
}

const EVIDENCE_PAGE = 20;
/** Cables per page of a post's, tag's, signer's or entity's cables. */
const CABLES_PAGE = 50;
/** Cables per page of full-text results. */
const TEXT_PAGE = 20;
/** Links drawn from the overview at most (the heaviest); keeps 5,000 entities responsive. */
const EDGE_BUDGET = 50_000;
/** The part of a full settle run after entities are added to the view. */
const SETTLE_AFTER_ADDING = 0.3;
/** Entities a decision brings back (an undone merge) shown with their co-mentions, at most. */
const SHOW_ADDED = 5;
const EMPTY: Subgraph = { nodes: [], edges: [], truncated: false };

export class App {
  readonly graph = createViewGraph();
  readonly store = new Store({ colourBy: 'type', links: 'both', filters: { ...DEFAULT_FILTERS } });
  readonly hook: CablegraphHook;
  /** Entity decisions from the panels (off when the server is read-only). */
  readonly curation: Curation;
  /** Bookmarks and notes on entities and cables (bookmarks.jsonl on the server). */
  readonly bookmarks = new Bookmarks();

  /** Fetched subgraphs by source: 'overview' and 'n:<id>' (expanded entities); re-fetched when filters change. */
  private readonly loaded = new Map<string, Subgraph>();
  /** Whether the overview is one of the sources. */
  private overview = true;
  /** Pinned additions not re-fetched by filters: 'path', 'pair'. */
  private readonly extra = new Map<string, Subgraph>();
  private readonly expanding = new Map<string, { generation: number; work: Promise<void> }>();
  private stats?: GraphStats;
  private generation = 0;
  private panelSeq = 0;
  private busy = 0;
  private truncated = false;
  /** Links the last overview answered (before the budget). */
  private overviewLinks = 0;
  /** The entity whose network was just framed by "show only this network" (no re-centring on it). */
  private framed?: string;
  /** Names of the hubs the sparser overview hides ("without the hubs"). */
  private hiddenHubs: string[] = [];
  private lastRoute: Route = { view: 'home' };
  private pendingCable?: { id: string; emphasis?: string[]; paragraph?: number };
  /** The meeting links among the shown people (the last answer), and what was asked for them. */
  private meetingLinks: MeetingLink[] = [];
  private meetingsAsked = '';
  private meetingSeq = 0;
  private linkKinds!: LinkKindsControl;

  private shell!: Shell;
  private textBox!: { element: HTMLElement; set(q: string): void };
  private filters!: FilterControls;
  private pathFinder!: PathFinder;
  private handle!: RendererHandle;
  private layout!: Layout;
  private readonly router = createRouter((route) => void this.onRoute(route));
  private readonly actions: PanelActions = {
    openEntity: (id) => this.router.navigate({ view: 'entity', id }),
    openPair: (a, b) => this.router.navigate({ view: 'pair', a, b }),
    openCable: (id, emphasis, paragraph) => {
      this.pendingCable = { id, emphasis, paragraph };
      this.router.navigate({ view: 'cable', id });
    },
    openCables: (query) => this.router.navigate({ view: 'cables', query }),
    isolate: (id) => void this.isolate(id),
    setPathEnd: (end, node) => this.pathFinder.setEnd(end, node),
    close: () => this.router.navigate({ view: 'home' }),
    exportLinks: (route, what) => exportLinks(route, what),
    bookmark: (kind, id) => bookmarkControl(this.bookmarks, kind, id),
  };

  constructor() {
    this.hook = { ready: false, graph: this.graph, store: this.store, app: this };
    this.curation = new Curation({
      applied: (summary) => this.applyDecision(summary),
      label: (id) => (this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'label') : undefined),
      bookmark: () => {
        const route = this.lastRoute;
        return () => this.router.navigate(route);
      },
    });
    // `?overview=5000`: the overview's size from the address (benchmarks, shared links).
    const size = Number(new URLSearchParams(window.location.search).get('overview'));
    if (Number.isInteger(size) && size > 0)
      this.store.set({ filters: { ...this.store.get().filters, overviewLimit: size } });
  }

  async start(mount: HTMLElement): Promise<void> {
    const search = createAutocomplete({
      placeholder: 'Search people, organizations, places…',
      testid: 'search-input',
      keepText: false,
      onPick: (hit) => this.router.navigate({ view: 'entity', id: hit.id }),
      lookup: {
        find: (q, signal) => browseApi.lookup(q, 8, signal),
        onPick: (hit) =>
          this.router.navigate(
            hit.kind === 'cable'
              ? { view: 'cable', id: hit.id }
              : { view: 'cables', query: hit.kind === 'post' ? { post: hit.id } : { tag: hit.id } },
          ),
      },
    });
    this.textBox = createTextSearchBox((q) => this.router.navigate({ view: 'text', q }));
    this.shell = createShell(h('div', { class: 'search-boxes' }, search.element, this.textBox.element), {
      reset: () => void this.resetToOverview(),
      toggleLayout: () => (this.layout.isRunning() ? this.layout.stop() : this.layout.start()),
      exportGexf: () => void this.exportGexf(),
      exportPng: () => void this.exportPng(),
      zoom: (direction) => this.zoom(direction),
      colourBy: (mode) => this.store.set({ colourBy: mode }),
    });
    this.pathFinder = createPathFinder({
      find: (from, to) => this.router.navigate({ view: 'path', from, to }),
      clear: () => this.clearPath(),
    });
    this.filters = createFilters(this.store.get().filters, (filters) => void this.setFilters(filters));
    this.shell.sidebar.append(
      this.pathFinder.element,
      this.filters.element,
      bookmarksSection(this.bookmarks, (kind, id) =>
        this.router.navigate(kind === 'cable' ? { view: 'cable', id } : { view: 'entity', id }),
      ),
      curationSection(this.curation, () => this.router.navigate({ view: 'curation' })),
    );
    this.shell.stage.after(this.curation.status);
    mount.replaceChildren(this.shell.root);
    // Whether the entity panels offer curation: known before the first route is shown.
    const curationState = this.curation
      .load()
      .catch((error: unknown) => showError(error, 'Loading the curation state'));
    const bookmarksState = this.bookmarks.load().catch((error: unknown) => showError(error, 'Loading the bookmarks'));

    this.handle = createRenderer(this.shell.stage, this.graph, this.store, {
      clickNode: (node) => this.router.navigate({ view: 'entity', id: node }),
      clickEdge: (edge) => {
        // The selected entity (if an end of the link) comes first: "Talabani ↔ Kouchner".
        const [source, target] = this.graph.extremities(edge);
        const [a, b] = target === this.store.get().selectedNode ? [target, source] : [source, target];
        const meeting = isMeeting(this.graph.getEdgeAttributes(edge));
        this.router.navigate(meeting ? { view: 'meetings', a, b } : { view: 'pair', a, b });
      },
      clickStage: () => {
        if (this.store.get().selectedNode || this.store.get().selectedEdge) this.router.navigate({ view: 'home' });
      },
    });
    this.hook.renderer = this.handle.renderer;
    // Which links are drawn (co-mentions, meetings, both): the legend's radios, kept in the state.
    this.linkKinds = createLinkKinds(this.store.get().links, (links) => this.store.set({ links }));
    this.shell.legend.append(this.linkKinds.element);
    this.store.subscribe((state, changed) => {
      if (changed.has('links')) this.linkKinds.set(state.links);
    });
    // The legend follows the colouring: types, or the communities in view.
    this.store.subscribe((state, changed) => {
      if (changed.has('colourBy')) this.shell.setLegend(state.colourBy, communitiesInView(this.graph));
    });
    this.layout = createLayout(this.graph, (running) => this.shell.setLayoutRunning(running));
    this.bindKeys(search.input);

    this.loadStats();
    await this.reload();
    this.handle.renderer.refresh();
    this.hook.renderedAt = performance.now();
    this.hook.ready = true;
    await curationState;
    await bookmarksState;
    this.router.start();
    // `?q=Kouchner`: the search box filled, its suggestions open.
    const q = new URLSearchParams(window.location.search).get('q');
    if (q) {
      search.input.value = q;
      search.input.focus();
      search.input.dispatchEvent(new Event('input'));
    }
  }

  /** The graph as a whole (top bar, summary panel); again after each curation decision. */
  private loadStats(): void {
    void api
      .stats()
      .then((stats) => {
        this.stats = stats;
        const dates = dateSpan(stats.firstDate?.slice(0, 7), stats.lastDate?.slice(0, 7));
        this.shell.setStats(
          [
            `${formatNumber(stats.cables)} cables`,
            `${formatNumber(stats.entities)} entities`,
            dates,
            `${stats.store} store`,
          ]
            .filter(Boolean)
            .join(' · '),
        );
        this.filters.setDataSpan(stats.firstDate, stats.lastDate);
        if (this.router.current().view === 'home') this.showSummary();
      })
      .catch((error) => showError(error, 'Loading the statistics'));
  }

  // ── What is shown ───────────────────────────────────────────────────────────────────────────

  private withBusy<T>(work: Promise<T>): Promise<T> {
    this.shell.setBusy(++this.busy > 0);
    return work.finally(() => this.shell.setBusy(--this.busy > 0));
  }

  private fetchSource(key: string, filters: Filters): Promise<Subgraph> {
    const common = {
      types: filters.types,
      minWeight: filters.minWeight,
      since: filters.since || undefined,
      until: filters.until || undefined,
    };
    if (key === 'overview') {
      return api
        .overview({ ...common, community: filters.community ?? undefined, limit: filters.overviewLimit })
        .then((sub) => {
          // Beyond the budget, the heaviest links: a hairball of 150,000 links says no more than 50,000.
          this.overviewLinks = sub.edges.length;
          const budgeted =
            sub.edges.length <= EDGE_BUDGET
              ? sub
              : { ...sub, edges: [...sub.edges].sort((a, b) => b.weight - a.weight).slice(0, EDGE_BUDGET) };
          // A sparser view on request: each entity's strongest links, or the hubs hidden.
          const { hidden, ...sparser } = sparserOverview(budgeted, filters.overviewLinks);
          this.hiddenHubs = hidden.map((id) => sub.nodes.find((n) => n.id === id)?.name ?? id);
          return sparser;
        });
    }
    return api.neighbourhood(key.slice(2), { ...common, limit: filters.neighbourLimit });
  }

  /** Re-fetches every source under the current filters and makes the graph their union, then settles it (`settleShare` of a full run). */
  private async reload(settleShare = 1): Promise<void> {
    const generation = ++this.generation;
    const filters = this.store.get().filters;
    const keys = [...(this.overview ? ['overview'] : []), ...[...this.loaded.keys()].filter((k) => k !== 'overview')];
    const results = await this.withBusy(
      Promise.all(
        keys.map((key) =>
          this.fetchSource(key, filters).catch((error: unknown) => {
            showError(error, key === 'overview' ? 'Loading the overview' : 'Loading a neighbourhood');
            return undefined;
          }),
        ),
      ),
    );
    if (generation !== this.generation) return;
    this.loaded.clear();
    keys.forEach((key, i) => {
      const sub = results[i];
      if (sub) this.loaded.set(key, sub);
    });
    this.rebuild(settleShare);
  }

  /** Makes the graph the union of what is loaded and pinned (no request); then settles `settleShare` of a full layout run. */
  private rebuild(settleShare = 0): void {
    replaceWithSubgraphs(this.graph, [...this.loaded.values(), ...this.extra.values()]);
    if (settleShare > 0) this.settle(settleShare);
    this.graphChanged();
  }

  /** Adds subgraphs, places the new entities beside what they connect to, and settles the layout. */
  private add(subgraphs: Subgraph[], anchor?: string): void {
    const added = mergeSubgraphs(this.graph, subgraphs);
    placeNewNodes(this.graph, added, anchor);
    if (added.length > 0) this.settle(SETTLE_AFTER_ADDING);
    this.graphChanged();
  }

  /** A short synchronous layout, unless the user runs the continuous one. */
  private settle(share?: number): void {
    if (!this.layout.isRunning()) settle(this.graph, share);
  }

  private graphChanged(): void {
    this.handle.graphChanged();
    this.handle.renderer.refresh();
    this.truncated = [...this.loaded.values()].some((s) => s.truncated);
    const cut = this.loaded.has('overview') && this.overviewLinks > EDGE_BUDGET ? this.overviewLinks : undefined;
    this.shell.setCounts(this.graph.order, coMentionCount(this.graph), this.truncated, cut);
    const counts = countByType(this.graph);
    this.shell.setTypeCounts(counts);
    this.filters.setTypeCounts(counts);
    const communities = communitiesInView(this.graph);
    this.filters.setCommunities(communities);
    this.shell.setLegend(this.store.get().colourBy, communities);
    if (this.shell.panel.querySelector('[data-testid="panel-summary"]')) this.showSummary();
    this.refreshMeetings();
  }

  /**
   * The meeting links among the shown people: the last answer's at once (a rebuild cleared them),
   * then the server's for the people now shown, when they or the dates changed.
   */
  private refreshMeetings(): void {
    this.showMeetingLinks();
    const people = this.graph.filterNodes((_node, attrs) => attrs.kind === 'Person').sort();
    const { since, until } = this.store.get().filters;
    const asked = JSON.stringify([people, since, until]);
    if (asked === this.meetingsAsked) return;
    this.meetingsAsked = asked;
    const seq = ++this.meetingSeq;
    if (people.length < 2) {
      this.meetingLinks = [];
      this.showMeetingLinks();
      return;
    }
    api
      .meetingLinks({ nodes: people, since: since || undefined, until: until || undefined })
      .then((answer) => {
        if (seq !== this.meetingSeq) return;
        this.meetingLinks = answer.links;
        this.showMeetingLinks();
      })
      .catch((error: unknown) => {
        if (seq === this.meetingSeq) this.meetingsAsked = '';
        showError(error, 'Loading the meetings');
      });
  }

  private showMeetingLinks(): void {
    const { shown, changed } = setMeetingLinks(this.graph, this.meetingLinks);
    this.linkKinds.setMeetings(shown);
    if (!changed) return;
    this.handle.graphChanged();
    this.handle.renderer.refresh();
  }

  /** Adds an entity's neighbourhood to the graph (once). */
  private expand(id: string): Promise<void> {
    const key = `n:${id}`;
    if (this.loaded.has(key)) return Promise.resolve();
    const generation = this.generation;
    // A fetch begun before the graph was rebuilt (an entity clicked, then "show only this network"
    // at once) adds nothing when it lands: awaiting it would leave the caller with an empty graph.
    const pending = this.expanding.get(id);
    if (pending && pending.generation === generation) return pending.work;
    const work = this.withBusy(this.fetchSource(key, this.store.get().filters))
      .then((sub) => {
        if (generation !== this.generation) return;
        this.loaded.set(key, sub);
        this.add([sub], id);
      })
      .catch((error: unknown) => showError(error, 'Loading the co-mentions'))
      .finally(() => {
        if (this.expanding.get(id)?.work === work) this.expanding.delete(id);
      });
    this.expanding.set(id, { generation, work });
    return work;
  }

  private async setFilters(filters: Filters): Promise<void> {
    this.store.set({ filters });
    await this.reload();
  }

  private async resetToOverview(): Promise<void> {
    this.layout.stop();
    this.overview = true;
    this.loaded.clear();
    this.extra.clear();
    this.store.set({ path: undefined, selectedNode: undefined, selectedEdge: undefined });
    this.router.navigate({ view: 'home' });
    await this.reload();
    void this.handle.renderer.getCamera().animatedReset({ duration: 300 });
  }

  private async isolate(id: string): Promise<void> {
    this.layout.stop();
    this.overview = false;
    this.loaded.clear();
    this.extra.clear();
    this.store.set({ path: undefined });
    this.generation++;
    this.rebuild();
    await this.expand(id);
    // The whole network is framed: the entity panel must not re-centre on the entity.
    this.framed = id;
    this.router.navigate({ view: 'entity', id });
    this.fitAll();
  }

  private clearPath(): void {
    this.extra.delete('path');
    this.store.set({ path: undefined });
    this.rebuild();
    if (this.lastRoute.view === 'path') this.router.navigate({ view: 'home' });
  }

  // ── Curation ────────────────────────────────────────────────────────────────────────────────

  /**
   * The view after a decision: the entities it removed leave at once (their neighbourhoods give way
   * to the survivor's), every source is re-fetched (summed weights, new names and aliases), entities
   * it brought back are shown with their co-mentions, and the panel follows.
   */
  private async applyDecision(summary: DecisionSummary): Promise<void> {
    const { decision } = summary;
    const removed = new Set(summary.removed);
    // The meetings of the same people may have changed (merged, renamed): asked again.
    this.meetingsAsked = '';
    const survivor =
      decision.op === 'merge' && decision.into && !removed.has(decision.into) ? decision.into : undefined;
    for (const id of removed) {
      if (this.loaded.delete(`n:${id}`) && survivor && !this.loaded.has(`n:${survivor}`))
        this.loaded.set(`n:${survivor}`, EMPTY);
      if (this.graph.hasNode(id)) this.graph.dropNode(id);
    }
    for (const [key, sub] of this.extra) if (sub.nodes.some((n) => removed.has(n.id))) this.extra.delete(key);
    const state = this.store.get();
    this.store.set({
      path: state.path?.nodes.some((n) => removed.has(n)) ? undefined : state.path,
      selectedNode: state.selectedNode && removed.has(state.selectedNode) ? survivor : state.selectedNode,
      selectedEdge: state.selectedEdge && !this.graph.hasEdge(state.selectedEdge) ? undefined : state.selectedEdge,
    });
    if (removed.size > 0) this.graphChanged();
    this.loadStats();

    await this.reload(SETTLE_AFTER_ADDING);
    for (const id of summary.added.slice(0, SHOW_ADDED)) if (!this.graph.hasNode(id)) await this.expand(id);

    const route = this.router.current();
    const touched = new Set([...summary.changed, ...summary.added]);
    const gone = (id: string): boolean => removed.has(id);
    switch (route.view) {
      case 'entity':
        if (gone(route.id)) this.router.navigate(survivor ? { view: 'entity', id: survivor } : { view: 'home' });
        else if (touched.has(route.id)) this.router.navigate(route);
        break;
      case 'pair':
        if (gone(route.a) || gone(route.b)) this.router.navigate({ view: 'home' });
        else if (touched.has(route.a) || touched.has(route.b)) this.router.navigate(route);
        break;
      case 'path':
        if (gone(route.from) || gone(route.to)) this.router.navigate({ view: 'home' });
        else this.router.navigate(route);
        break;
      case 'curation':
        this.router.navigate(route);
        break;
      default:
        break;
    }
  }

  // ── Routes ──────────────────────────────────────────────────────────────────────────────────

  private async onRoute(route: Route): Promise<void> {
    if (route.view === 'cable') return this.showCable(route.id);
    this.hideCable();
    this.lastRoute = route;
    switch (route.view) {
      case 'home':
        // A panel still loading (an entity) does not replace this one when it arrives.
        this.panelSeq++;
        this.store.set({ selectedNode: undefined, selectedEdge: undefined });
        this.showSummary();
        return;
      case 'entity':
        return this.showEntity(route.id);
      case 'pair':
        return this.showPair(route.a, route.b);
      case 'meetings':
        return this.showMeetings(route.a, route.b);
      case 'path':
        return this.showPaths(route.from, route.to);
      case 'curation':
        this.panelSeq++;
        this.store.set({ selectedNode: undefined, selectedEdge: undefined });
        this.setPanel(curationPanel(this.curation, this.actions));
        return;
      case 'text':
        return this.showTextSearch(route.q);
      case 'cables':
        return this.showCables(route.query);
    }
  }

  /** The cables of a post, tag, signer or entity: the first page at once, what they have in common when counted. */
  private async showCables(query: CableQuery): Promise<void> {
    const seq = ++this.panelSeq;
    this.store.set({
      selectedNode: query.entity && this.graph.hasNode(query.entity) ? query.entity : undefined,
      selectedEdge: undefined,
    });
    this.setPanel(loadingPanel('the cables'));
    try {
      const first = await this.withBusy(browseApi.cables(query, CABLES_PAGE));
      if (seq !== this.panelSeq) return;
      // The filter as the server reads it (`#/tag/IZ` is tag:IZ): what the panel's links build on.
      query = { ...first.filter, ...(query.order ? { order: query.order } : {}) };
      const panel = cablesPanel(query, first, this.actions, {
        navigate: (next) => this.router.navigate({ view: 'cables', query: next }),
        loadMore: (offset) => {
          this.withBusy(browseApi.cables(query, CABLES_PAGE, offset)).then(
            (page) => panel.append(page),
            (error: unknown) => showError(error, 'Loading more cables'),
          );
        },
      });
      this.setPanel(panel.element);
      this.withBusy(browseApi.facets(query)).then(
        (facets) => seq === this.panelSeq && panel.setFacets(facets),
        (error: unknown) => {
          showError(error, 'Counting what the cables have in common');
          if (seq === this.panelSeq) panel.setFacets(undefined);
        },
      );
    } catch (error) {
      showError(error, 'Loading the cables');
      if (seq === this.panelSeq) this.setPanel(this.errorPanel('These cables could not be loaded.'));
    }
  }

  /** Full-text search results in the panel; the entities they name stay one click away. */
  private async showTextSearch(q: string): Promise<void> {
    const seq = ++this.panelSeq;
    this.textBox.set(q);
    this.store.set({ selectedNode: undefined, selectedEdge: undefined });
    this.setPanel(loadingPanel('the matching cables'));
    try {
      const result = await this.withBusy(api.textSearch(q, { limit: TEXT_PAGE }));
      if (seq !== this.panelSeq) return;
      const panel = textSearchPanel(result, this.actions, (offset) => {
        api.textSearch(q, { limit: TEXT_PAGE, offset }).then(
          (page) => panel.append(page),
          (error: unknown) => showError(error, 'Loading more cables'),
        );
      });
      this.setPanel(panel.element);
    } catch (error) {
      showError(error, 'Searching the cables');
      if (seq === this.panelSeq) this.setPanel(this.errorPanel(`The search for “${q}” failed.`));
    }
  }

  private setPanel(content: HTMLElement): void {
    replace(this.shell.panel, content);
    this.shell.panel.scrollTop = 0;
  }

  private errorPanel(message: string): HTMLElement {
    return h(
      'section',
      { class: 'panel', 'data-testid': 'panel-error' },
      h('p', { class: 'panel-error' }, message),
      h('button', { class: 'button', onclick: () => this.router.navigate({ view: 'home' }) }, 'Back to the overview'),
    );
  }

  private showSummary(): void {
    this.setPanel(
      summaryPanel(this.stats, this.graph, this.actions, {
        filters: this.store.get().filters,
        hiddenHubs: this.overview ? this.hiddenHubs : [],
      }),
    );
  }

  private async showEntity(id: string): Promise<void> {
    const seq = ++this.panelSeq;
    this.store.set({ selectedNode: id, selectedEdge: undefined });
    this.setPanel(loadingPanel('the entity'));
    const expanding = this.expand(id);
    try {
      const detail = await this.withBusy(api.entity(id));
      if (seq !== this.panelSeq) return;
      this.curation.remember(detail.id, detail.name);
      const curate = this.curation.enabled
        ? (entity: typeof detail, title: HTMLElement) => entityCuration(entity, this.curation, title)
        : undefined;
      this.setPanel(entityPanel(detail, this.actions, curate));
    } catch (error) {
      showError(error, 'Loading the entity');
      if (seq === this.panelSeq) this.setPanel(this.errorPanel(`Entity “${id}” could not be loaded.`));
      return;
    }
    await expanding;
    // Only the panel still shown consumes the "just framed" mark: a stale one must not clear it.
    if (seq !== this.panelSeq) return;
    if (this.framed !== id) this.focusNode(id);
    this.framed = undefined;
  }

  private async showPair(a: string, b: string): Promise<void> {
    const seq = ++this.panelSeq;
    this.store.set({ selectedNode: undefined, selectedEdge: edgeKey(a, b) });
    this.setPanel(loadingPanel('the cables'));
    try {
      const first = await this.withBusy(api.evidence(a, b, { limit: EVIDENCE_PAGE }));
      if (seq !== this.panelSeq) return;
      if (!this.graph.hasNode(a) || !this.graph.hasNode(b) || !this.graph.hasEdge(edgeKey(a, b))) {
        const pair: Subgraph = { nodes: [first.a, first.b], edges: first.edge ? [first.edge] : [], truncated: false };
        this.extra.set('pair', pair);
        this.add([pair]);
      }
      const panel = evidencePanel(first, this.actions, (offset) => {
        this.withBusy(api.evidence(a, b, { limit: EVIDENCE_PAGE, offset }))
          .then((page) => panel.append(page))
          .catch((error: unknown) => showError(error, 'Loading more cables'));
      });
      this.setPanel(panel.element);
    } catch (error) {
      showError(error, 'Loading the evidence');
      if (seq === this.panelSeq) this.setPanel(this.errorPanel('The cables naming both could not be loaded.'));
    }
  }

  /** The meetings of a pair (a meeting link's click): each with its date, cable, paragraph and passage. */
  private async showMeetings(a: string, b: string): Promise<void> {
    const seq = ++this.panelSeq;
    this.store.set({ selectedNode: undefined, selectedEdge: meetingKey(a, b) });
    this.setPanel(loadingPanel('the meetings'));
    try {
      const meetings = await this.withBusy(api.pairMeetings(a, b));
      if (seq !== this.panelSeq) return;
      this.setPanel(meetingsPanel(meetings, this.actions));
    } catch (error) {
      showError(error, 'Loading the meetings');
      if (seq === this.panelSeq) this.setPanel(this.errorPanel('The meetings of these two could not be loaded.'));
    }
  }

  private async showPaths(from: string, to: string): Promise<void> {
    const seq = ++this.panelSeq;
    this.setPanel(loadingPanel('the paths'));
    this.pathFinder.setBusy(true);
    try {
      const result = await this.withBusy(
        api.paths(from, to, {
          maxHops: this.pathFinder.maxHops(),
          minWeight: this.store.get().filters.minWeight,
          limit: 5,
        }),
      );
      if (seq !== this.panelSeq) return;
      this.pathFinder.setEnd('from', result.from);
      this.pathFinder.setEnd('to', result.to);
      const nodes = new Map(result.paths.flatMap((p) => p.nodes).map((n) => [n.id, n]));
      const edges = new Map(result.paths.flatMap((p) => p.edges).map((e) => [edgeKey(e.source, e.target), e]));
      for (const end of [result.from, result.to]) nodes.set(end.id, end);
      const path: Subgraph = { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
      this.extra.set('path', path);
      this.add([path], from);
      this.store.set({
        path: { nodes: [...nodes.keys()], edges: [...edges.keys()] },
        selectedNode: undefined,
        selectedEdge: undefined,
      });
      this.setPanel(pathsPanel(result, this.actions));
      this.focusNodes([...nodes.keys()]);
      if (result.paths.length === 0) toast(`No path within ${this.pathFinder.maxHops()} hops`, 'info');
    } catch (error) {
      showError(error, 'Finding paths');
      if (seq === this.panelSeq) this.setPanel(this.errorPanel('The paths could not be computed.'));
    } finally {
      this.pathFinder.setBusy(false);
    }
  }

  private async showCable(id: string): Promise<void> {
    const overlay = this.shell.overlay;
    overlay.hidden = false;
    const pending = this.pendingCable?.id === id ? this.pendingCable : undefined;
    this.pendingCable = undefined;
    replace(overlay, h('div', { class: 'cable-sheet' }, loadingPanel(`cable ${id}`)));
    const close = (): void => this.router.navigate(this.lastRoute);
    try {
      // Its posts, tags, authors and references as links: the cable reads without them if they fail.
      const [cable, links] = await this.withBusy(
        Promise.all([
          api.cable(id),
          browseApi
            .cableLinks(id)
            .catch(
              (error: unknown): CableLinks | undefined => (
                showError(error, `Loading the references of ${id}`),
                undefined
              ),
            ),
        ]),
      );
      if (this.router.current().view !== 'cable') return;
      const view = cableView(cable, { ...this.actions, close }, pending?.emphasis, pending?.paragraph, links);
      replace(overlay, h('div', { class: 'cable-backdrop', onclick: close }), h('div', { class: 'cable-sheet' }, view));
    } catch (error) {
      showError(error, `Loading cable ${id}`);
      replace(
        overlay,
        h('div', { class: 'cable-backdrop', onclick: close }),
        h('div', { class: 'cable-sheet' }, this.errorPanel(`Cable ${id} could not be loaded.`)),
      );
    }
  }

  private hideCable(): void {
    this.shell.overlay.hidden = true;
    this.shell.overlay.replaceChildren();
  }

  // ── Camera, keys, exports ───────────────────────────────────────────────────────────────────

  /** Brings an entity into view: the camera moves only when it is off-centre or off-screen. */
  private focusNode(id: string): void {
    const renderer = this.handle.renderer;
    const data = renderer.getNodeDisplayData(id);
    if (!data) return;
    const { width, height } = renderer.getDimensions();
    const at = renderer.framedGraphToViewport(data);
    const inside = at.x > width * 0.15 && at.x < width * 0.85 && at.y > height * 0.15 && at.y < height * 0.85;
    const camera = renderer.getCamera();
    if (inside && camera.ratio <= 1) return;
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 1) }, { duration: 400 });
  }

  private focusNodes(ids: string[]): void {
    const points = ids.map((id) => this.handle.renderer.getNodeDisplayData(id)).filter((d) => d !== undefined);
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const ratio = Math.min(1, Math.max(0.4, Math.max(x1 - x0, y1 - y0) * 1.5));
    void this.handle.renderer.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 400 });
  }

  /**
   * Every entity in view, labels included: sigma frames the graph's extent edge to edge, so labels
   * of the outermost entities run off the stage; the camera is centred on them and zoomed out to
   * leave a margin (the right one wider: labels are drawn to the right of their entity).
   */
  private fitAll(): void {
    const renderer = this.handle.renderer;
    renderer.refresh();
    const points = this.graph.mapNodes((id) => renderer.getNodeDisplayData(id)).filter((d) => d !== undefined);
    const camera = renderer.getCamera();
    if (points.length === 0) return void camera.animatedReset({ duration: 300 });
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const ratio = Math.max(0.3, Math.max(x1 - x0, y1 - y0) * 1.35);
    // Shifted right by a little: the margin on the right holds the labels.
    void camera.animate({ x: (x0 + x1) / 2 + ratio * 0.06, y: (y0 + y1) / 2, ratio }, { duration: 300 });
  }

  private zoom(direction: 'in' | 'out' | 'fit'): void {
    const camera = this.handle.renderer.getCamera();
    if (direction === 'in') void camera.animatedZoom({ duration: 200 });
    else if (direction === 'out') void camera.animatedUnzoom({ duration: 200 });
    else this.fitAll();
  }

  private bindKeys(search: HTMLInputElement): void {
    window.addEventListener('keydown', (event) => {
      const typing =
        event.target instanceof HTMLInputElement ||
        event.target instanceof HTMLSelectElement ||
        event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        search.focus();
      } else if (event.key === 'Escape' && !typing) {
        if (!this.shell.overlay.hidden) this.router.navigate(this.lastRoute);
        else this.router.navigate({ view: 'home' });
      }
    });
  }

  private caption(): string {
    const f = this.store.get().filters;
    const parts = [
      `cablegraph · ${formatNumber(this.graph.order)} entities · ${formatNumber(coMentionCount(this.graph))} links`,
    ];
    if (f.since || f.until) parts.push(`${f.since || '…'} – ${f.until || '…'}`);
    if (f.minWeight > 1) parts.push(`weight ≥ ${f.minWeight}`);
    return parts.join(' · ');
  }

  private async exportGexf(): Promise<void> {
    if (this.graph.order === 0) {
      toast('Nothing to export: the graph is empty', 'info');
      return;
    }
    this.shell.setExporting('gexf', true);
    try {
      download(await this.withBusy(exportGexf(this.graph, this.store.get().filters)), 'cablegraph-view.gexf');
    } catch (error) {
      showError(error, 'GEXF export');
    } finally {
      this.shell.setExporting('gexf', false);
    }
  }

  private async exportPng(): Promise<void> {
    this.shell.setExporting('png', true);
    try {
      download(await exportPng(this.handle.renderer, this.caption()), 'cablegraph-view.png');
    } catch (error) {
      showError(error, 'PNG export');
    } finally {
      this.shell.setExporting('png', false);
    }
  }
}
