// One order and shape for a cable's facts and an entity's view, whichever store read them.
import type { Attributes } from 'graphology-types';
import { compare } from './search';
import type { CableFacts } from './store';
import type { CableRef, EdgeView, EntityKind, NodeView } from '../model';

// The API's shapes from graph attributes (graphology's, or a Neo4j row's): one conversion for both
// stores, so their answers cannot drift apart.

export function nodeView(id: string, a: Attributes): NodeView {
  const view: NodeView = {
    id,
    type: a.kind as EntityKind,
    name: String(a.name ?? a.label ?? id),
    cableCount: Number(a.cableCount ?? 0),
    weightedDegree: Number(a.weightedDegree ?? 0),
    pagerank: Number(a.pagerank ?? 0),
    community: Number(a.community ?? -1),
    x: Number(a.x ?? 0),
    y: Number(a.y ?? 0),
  };
  if (a.firstDate) view.firstDate = String(a.firstDate);
  if (a.lastDate) view.lastDate = String(a.lastDate);
  return view;
}

export function edgeView(source: string, target: string, a: Attributes): EdgeView {
  const [s, t] = source < target ? [source, target] : [target, source];
  const view: EdgeView = {
    id: `${s}--${t}`,
    source: s,
    target: t,
    weight: Number(a.weight ?? 1),
    cableCount: Number(a.cableCount ?? 0),
  };
  if (a.firstDate) view.firstDate = String(a.firstDate);
  if (a.lastDate) view.lastDate = String(a.lastDate);
  return view;
}

export function cableRef(id: string, a: Attributes): CableRef {
  const ref: CableRef = { id };
  for (const key of ['date', 'subject', 'origin', 'classification'] as const) if (a[key]) ref[key] = String(a[key]);
  return ref;
}

/** One order for every list of a cable's facts, whichever store read them. */
export function sortFacts(facts: CableFacts): CableFacts {
  facts.tags.sort((x, y) => compare(x.code, y.code));
  facts.references.sort(compare);
  facts.signers.sort(compare);
  facts.to.sort(compare);
  facts.info.sort(compare);
  facts.entities.sort((x, y) => (x.offsets[0] ?? Infinity) - (y.offsets[0] ?? Infinity) || compare(x.id, y.id));
  return facts;
}
