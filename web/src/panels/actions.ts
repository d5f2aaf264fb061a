// What the panels can ask the app to do (they never touch the graph or the renderer themselves).
import type { CableQuery } from '../browse-api';
import type { TakeawayRoute } from '../takeaway';
import type { NodeView } from '../../../src/model';

export interface PanelActions {
  openEntity(id: string): void;
  openPair(a: string, b: string): void;
  /** `emphasis`: entity ids to highlight strongly; `paragraph`: where to scroll. */
  openCable(id: string, emphasis?: string[], paragraph?: number): void;
  /** The cables of a post, tag, signer or entity (and any of them together, in a date range). */
  openCables(query: CableQuery): void;
  /** Show only this entity's neighbourhood. */
  isolate(id: string): void;
  setPathEnd(end: 'from' | 'to', node: NodeView): void;
  close(): void;
  /** Download links of the evidence behind an edge, a path or an entity's links (CSV, Markdown). */
  exportLinks(route: TakeawayRoute, what: string): HTMLElement;
  /** The bookmark button (and note) of an entity or a cable. */
  bookmark(kind: 'entity' | 'cable', id: string): HTMLElement;
}
