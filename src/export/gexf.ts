import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { write as writeGexfDocument } from 'graphology-gexf';
import { toScalar } from './scalar';

/** Node colours by kind (also used by the viewer's legend). */
export const KIND_COLORS: Record<string, string> = {
  Person: '#e6550d',
  Organization: '#3182bd',
  Place: '#31a354',
  Cable: '#969696',
  Post: '#756bb1',
  Tag: '#bcbd22',
};

const NODE_SKIP = new Set(['label', 'x', 'y']);
const EDGE_SKIP = new Set(['weight', 'evidence']);

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');

/**
 * GEXF 1.3 for Gephi, written by graphology-gexf: declared, typed node and edge attributes (the
 * model is inferred from the values), viz colour by kind, size by weighted degree, positions from
 * the layout. graphology-gexf writes no time and puts viz elements in a namespace the official 1.3
 * schema does not have, so the document is then adjusted here: viz elements in the GEXF namespace,
 * and dynamic: cables,
 * entities and co-mention edges carry `start` (and `end`) dates, so Gephi's timeline plays the
 * network from 1966 to 2010.
 */
export function writeGexf(graph: Graph): string {
  let maxWeighted = 1;
  graph.forEachNode((_n, a) => (maxWeighted = Math.max(maxWeighted, (a.weightedDegree as number) ?? 0)));
  const xml = writeGexfDocument(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key: string, a: Attributes) => {
      const attributes: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(a)) {
        const s = NODE_SKIP.has(k) ? undefined : toScalar(v);
        if (s !== undefined) attributes[k] = s;
      }
      return {
        label: String(a.label ?? a.name ?? ''),
        attributes,
        viz: {
          color: KIND_COLORS[a.kind as string] ?? '#636363',
          size: Number((2 + 18 * Math.sqrt(((a.weightedDegree as number) ?? 0) / maxWeighted)).toFixed(2)),
          ...(typeof a.x === 'number' ? { x: a.x, y: a.y as number } : {}),
        },
      };
    },
    formatEdge: (_key: string, a: Attributes) => {
      const attributes: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(a)) {
        const s = EDGE_SKIP.has(k) ? undefined : toScalar(v);
        if (s !== undefined) attributes[k] = s;
      }
      return { label: String(a.type ?? ''), attributes, weight: typeof a.weight === 'number' ? a.weight : 1 };
    },
  });

  const times = new Map<string, { start?: string; end?: string }>();
  const nodeDate = (key: string): string | undefined => (graph.getNodeAttribute(key, 'date') as string | undefined) ?? (graph.getNodeAttribute(key, 'firstDate') as string | undefined);
  graph.forEachNode((key, a) => {
    const start = a.kind === 'Cable' ? (a.date as string | undefined) : (a.firstDate as string | undefined);
    if (start) times.set(`node ${escapeXml(key)}`, { start });
  });
  graph.forEachEdge((key, a, source, target) => {
    const start = a.type === 'CO_MENTIONED' ? (a.firstDate as string | undefined) : nodeDate(graph.getNodeAttribute(source, 'kind') === 'Cable' ? source : target);
    if (start) times.set(`edge ${escapeXml(key)}`, { start });
  });
  return xml
    // In the official GEXF 1.3 schema, color/size/position/thickness are GEXF elements, not a
    // separate viz namespace (graphology-gexf writes viz:…; Gephi and its parser read both).
    .replace(/ xmlns:viz="[^"]*"/, '')
    .replace(/<viz:/g, '<')
    .replace(/<graph defaultedgetype="(\w+)"/, '<graph defaultedgetype="$1" mode="dynamic" timeformat="date"')
    .replace(/<(node|edge) id="([^"]*)"/g, (whole, element: string, id: string) => {
      const t = times.get(`${element} ${id}`);
      return t?.start ? `${whole} start="${t.start}"` : whole;
    });
}
