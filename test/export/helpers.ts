import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Graph from 'graphology';
import { parse as parseGexf, write as writeGexfDocument } from 'graphology-gexf';
import { parse as parseCsv } from 'csv-parse/sync';
import { KIND_COLORS, writeGexf, writeGraphml, writeGraphologyJson, writeNeo4jCsv } from '../../src/export';
import { toScalar } from '../../src/export/scalar';
import { SHARED } from '../graph/helpers';
import type { CableGraph } from '../../src/model';

const SCHEMA = path.join(SHARED, 'gexf-schema/1.3/gexf.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** xmllint against the official GEXF 1.3 schema (CI installs libxml2-utils; locally skipped without it). */
export function validateGexf(file: string): void {
  if (!hasXmllint) {
    if (process.env.CI) throw new Error('xmllint missing: .ci/run installs libxml2-utils');
    return;
  }
  execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { stdio: 'pipe' });
}

/** Occurrences of `needle` in `text` (indexOf: no array of matches on a 200 MB string). */
export function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

/**
 * The graph re-read from every export format: node and edge counts. GEXF is validated against the
 * official schema and, when `readBack` (small graphs: its DOM parser needs ~20x the file in memory),
 * parsed back with graphology-gexf; other formats are re-imported (JSON) or counted (GraphML, CSV rows).
 */
export function reimportCounts(graph: CableGraph, dir: string, readBack = true) {
  const gexfFile = path.join(dir, 'g.gexf');
  let gexf: string | undefined = writeGexf(graph);
  fs.writeFileSync(gexfFile, gexf);
  const gexfCounts = { nodes: occurrences(gexf, '<node id='), edges: occurrences(gexf, '<edge id=') };
  // Let the text go before the next format is written (a corpus-scale GEXF is hundreds of MB).
  // eslint-disable-next-line no-useless-assignment
  gexf = undefined;
  validateGexf(gexfFile);
  const fromGexf = readBack ? parseGexf(Graph, fs.readFileSync(gexfFile, 'utf8')) : undefined;
  if (fromGexf) expect({ nodes: fromGexf.order, edges: fromGexf.size }).toEqual(gexfCounts);
  const fromJson = new Graph({ multi: true, type: 'mixed' });
  fromJson.import(JSON.parse(writeGraphologyJson(graph)));
  const jsonCounts = { nodes: fromJson.order, edges: fromJson.size };
  fromJson.clear();
  let graphml: string | undefined = writeGraphml(graph);
  const graphmlCounts = { nodes: occurrences(graphml, '<node id='), edges: occurrences(graphml, '<edge id=') };
  // eslint-disable-next-line no-useless-assignment -- as gexf above
  graphml = undefined;
  const csvDir = path.join(dir, 'csv');
  const files = writeNeo4jCsv(graph, csvDir);
  const rows = (list: string[]) =>
    list.reduce((sum, f) => sum + parseCsv(fs.readFileSync(f), { from_line: 2 }).length, 0);
  return {
    gexf: gexfCounts,
    json: jsonCounts,
    graphml: graphmlCounts,
    neo4jCsv: { nodes: rows(files.nodes), edges: rows(files.relationships) },
    fromGexf,
  };
}

/** GEXF keeps scalars; lists are `|`-joined (aliases by their text), objects JSON. */
const gexfValue = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map((v) => (v && typeof v === 'object' && 'text' in v ? (v as { text: string }).text : v)).join('|')
    : value;

/**
 * Every node and edge of `graph` is in `back` (a GEXF read by graphology-gexf) with the same
 * attributes, typed as declared (numbers stay numbers), the viz colour of its kind, its size and
 * its layout position. Differences are collected and asserted once (one expect per value is slow).
 */
export function expectSameAsGexf(graph: CableGraph, back: Graph): void {
  expect({ nodes: back.order, edges: back.size }).toEqual({ nodes: graph.order, edges: graph.size });
  const differences: unknown[] = [];
  const same = (where: string, key: string, actual: unknown, expected: unknown): void => {
    if (actual !== expected) differences.push({ where, key, actual, expected });
  };
  graph.forEachNode((node, a) => {
    if (!back.hasNode(node)) return void differences.push({ missingNode: node });
    const b = back.getNodeAttributes(node);
    for (const key of [
      'kind',
      'name',
      'date',
      'subject',
      'inCorpus',
      'degree',
      'weightedDegree',
      'pagerank',
      'community',
      'cableCount',
      'aliases',
    ]) {
      if (a[key] !== undefined) same(node, key, b[key], gexfValue(a[key]));
    }
    same(node, 'label', b.label, a.label);
    same(node, 'color', b.color, KIND_COLORS[a.kind as string]);
    same(node, 'x', b.x, a.x);
    same(node, 'y', b.y, a.y);
    if (!(b.size > 0)) differences.push({ where: node, key: 'size', actual: b.size });
  });
  graph.forEachEdge((edge, a, source, target) => {
    if (!back.hasEdge(edge)) return void differences.push({ missingEdge: edge });
    const ends = back.extremities(edge);
    if (!((ends[0] === source && ends[1] === target) || (ends[0] === target && ends[1] === source)))
      differences.push({ edge, ends });
    const b = back.getEdgeAttributes(edge);
    same(edge, 'type', b.type, a.type);
    same(edge, 'weight', b.weight, typeof a.weight === 'number' ? a.weight : 1);
    for (const key of ['cableCount', 'paragraphCount', 'cables', 'firstDate', 'lastDate', 'count', 'paragraphs']) {
      if (a[key] !== undefined) same(edge, key, b[key], gexfValue(a[key]));
    }
  });
  expect(differences.slice(0, 20)).toEqual([]);
}

/** The chunks of a streamed export, joined (small graphs only). */
export async function joined(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/**
 * The GEXF cablegraph wrote before its writer streamed: graphology-gexf's document (one string),
 * adjusted for the official 1.3 schema and made dynamic. Kept as the oracle the streamed writer is
 * compared with, byte for byte.
 */
export function previousGexf(graph: CableGraph): string {
  const escapeXml = (s: string): string =>
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/"/g, '&quot;')
      .replace(/\t/g, '&#x9;')
      .replace(/\n/g, '&#xA;')
      .replace(/\r/g, '&#xD;');
  const scalars = (a: Record<string, unknown>, skip: string[]) => {
    const out: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(a)) {
      const s = skip.includes(k) ? undefined : toScalar(v);
      if (s !== undefined) out[k] = s;
    }
    return out;
  };
  let maxWeighted = 1;
  graph.forEachNode((_n, a) => (maxWeighted = Math.max(maxWeighted, (a.weightedDegree as number) ?? 0)));
  const xml = writeGexfDocument(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key: string, a: Record<string, unknown>) => ({
      label: String((a.label ?? a.name ?? '') as string),
      attributes: scalars(a, ['label', 'x', 'y']),
      viz: {
        color: KIND_COLORS[a.kind as string] ?? '#636363',
        size: Number((2 + 18 * Math.sqrt(((a.weightedDegree as number) ?? 0) / maxWeighted)).toFixed(2)),
        ...(typeof a.x === 'number' ? { x: a.x, y: a.y as number } : {}),
      },
    }),
    formatEdge: (_key: string, a: Record<string, unknown>) => ({
      label: String((a.type ?? '') as string),
      attributes: scalars(a, ['weight', 'evidence']),
      weight: typeof a.weight === 'number' ? a.weight : 1,
    }),
  });
  const times = new Map<string, string>();
  const nodeDate = (key: string): string | undefined =>
    graph.getNodeAttribute(key, 'date') ?? graph.getNodeAttribute(key, 'firstDate');
  graph.forEachNode((key, a) => {
    const start = a.kind === 'Cable' ? a.date : a.firstDate;
    if (start) times.set(`node ${escapeXml(key)}`, start);
  });
  graph.forEachEdge((key, a, source, target) => {
    const start =
      a.type === 'CO_MENTIONED'
        ? a.firstDate
        : nodeDate(graph.getNodeAttribute(source, 'kind') === 'Cable' ? source : target);
    if (start) times.set(`edge ${escapeXml(key)}`, start);
  });
  return xml
    .replace(/ xmlns:viz="[^"]*"/, '')
    .replace(/<viz:/g, '<')
    .replace(/<graph defaultedgetype="(\w+)"/, '<graph defaultedgetype="$1" mode="dynamic" timeformat="date"')
    .replace(/<(node|edge) id="([^"]*)"/g, (whole, element: string, id: string) =>
      times.has(`${element} ${id}`) ? `${whole} start="${times.get(`${element} ${id}`)}"` : whole,
    );
}
