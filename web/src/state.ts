// The viewer's UI state in one typed object; the display is derived from it (sigma reducers, panels).
import { ENTITY_KINDS, type EntityKind } from '../../src/model';

export const YEAR_MIN = 1966;
export const YEAR_MAX = 2010;

/** What the graph requests ask the server for. */
export interface Filters {
  types: EntityKind[];
  minWeight: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD; '' = open. */
  since: string;
  until: string;
  /** Overview only; null = every community. */
  community: number | null;
  /** Entities in the overview (top by PageRank). */
  overviewLimit: number;
  /** Neighbours fetched per expanded entity. */
  neighbourLimit: number;
  /**
   * How much of the overview's links to draw: all of them; a backbone (each entity's strongest
   * links only); or all but the hubs (entities linked to most of the overview, like the US).
   */
  overviewLinks: OverviewLinks;
}

export type OverviewLinks = 'all' | 'backbone' | 'no-hubs';
export const OVERVIEW_LINKS: ReadonlyArray<{ value: OverviewLinks; label: string }> = [
  { value: 'all', label: 'all links' },
  { value: 'backbone', label: 'strongest links only' },
  { value: 'no-hubs', label: 'without the hubs' },
];

export const DEFAULT_FILTERS: Filters = {
  types: [...ENTITY_KINDS],
  minWeight: 1,
  since: '',
  until: '',
  community: null,
  overviewLimit: 300,
  neighbourLimit: 100,
  overviewLinks: 'all',
};

export interface PathHighlight {
  nodes: string[];
  /** Graph edge keys along the paths. */
  edges: string[];
}

/** Which links the canvas draws: co-mentions, meetings (MET edges between shown people), or both. */
export type LinkKinds = 'both' | 'co-mentions' | 'meetings';
export const LINK_KINDS: ReadonlyArray<{ value: LinkKinds; label: string }> = [
  { value: 'both', label: 'both' },
  { value: 'co-mentions', label: 'co-mentions' },
  { value: 'meetings', label: 'meetings' },
];

export interface State {
  hoveredNode?: string;
  selectedNode?: string;
  /** Graph edge key of the selected pair. */
  selectedEdge?: string;
  path?: PathHighlight;
  colourBy: 'type' | 'community';
  /** A display choice: no request (the meeting links are fetched whatever is drawn). */
  links: LinkKinds;
  filters: Filters;
}

type Listener = (state: State, changed: ReadonlySet<keyof State>) => void;

/** Holds the state; `set` notifies listeners with the keys whose values changed. */
export class Store {
  private state: State;
  private readonly listeners = new Set<Listener>();

  constructor(initial: State) {
    this.state = initial;
  }

  get(): Readonly<State> {
    return this.state;
  }

  set(patch: Partial<State>): void {
    const changed = new Set<keyof State>();
    const next = { ...this.state };
    for (const key of Object.keys(patch) as Array<keyof State>) {
      if (next[key] !== patch[key]) {
        changed.add(key);
        (next as Record<string, unknown>)[key] = patch[key];
      }
    }
    if (changed.size === 0) return;
    this.state = next;
    for (const listener of this.listeners) listener(this.state, changed);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
