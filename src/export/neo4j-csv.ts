import * as fs from 'fs';
import * as path from 'path';
import type Graph from 'graphology';
import { stringify } from 'csv-stringify/sync';
import { ENTITY_KINDS } from '../graph/types';
import { storedEndpoints, toNeo4jProperties } from '../store/neo4j/load';

/** neo4j-admin's array delimiter (its default). */
const ARRAY_DELIMITER = ';';

type Value = string | number | boolean | Array<string | number | boolean>;

function columnType(values: Value[]): string {
  const flat = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  const isArray = values.some((v) => Array.isArray(v));
  const base = flat.every((v) => typeof v === 'boolean') ? 'boolean' : flat.every((v) => typeof v === 'number' && Number.isInteger(v)) ? 'long' : flat.every((v) => typeof v === 'number') ? 'double' : 'string';
  return isArray ? `${base}[]` : base;
}

const cellOf = (value: Value | undefined): string => (value === undefined ? '' : Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : String(value));

export interface Neo4jCsvFiles {
  nodes: string[];
  relationships: string[];
  /** The neo4j-admin command that imports them. */
  command: string;
}

/**
 * neo4j-admin import CSVs: one node file per label and one relationship file per type, with
 * typed headers (`id:ID`, `weight:long`, `cables:string[]`, `:LABEL`, `:START_ID`, `:END_ID`,
 * `:TYPE`); the same properties as the online loader (src/store/neo4j), so both give one database.
 */
export function writeNeo4jCsv(graph: Graph, directory: string): Neo4jCsvFiles {
  fs.mkdirSync(directory, { recursive: true });
  // Keys only, grouped by label / type; properties are made again row by row while writing, so a
  // graph of millions of edges is never held twice (nor as one giant string).
  const nodesByKind = new Map<string, string[]>();
  graph.forEachNode((node, a) => {
    const kind = String(a.kind);
    if (!nodesByKind.has(kind)) nodesByKind.set(kind, []);
    nodesByKind.get(kind)!.push(node);
  });
  const relsByType = new Map<string, string[]>();
  graph.forEachEdge((edge, a) => {
    const type = String(a.type);
    if (!relsByType.has(type)) relsByType.set(type, []);
    relsByType.get(type)!.push(edge);
  });

  const write = (name: string, fixedHeader: string[], keys: string[], row: (key: string) => { fixed: string[]; props: Record<string, Value> }): string => {
    // Pass 1: the columns and their types. Pass 2: the rows, 10,000 at a time.
    const values = new Map<string, Value[]>();
    for (const key of keys) {
      for (const [column, value] of Object.entries(row(key).props)) {
        if (column === 'id') continue;
        if (!values.has(column)) values.set(column, []);
        const seen = values.get(column)!;
        if (seen.length < 1000 || typeof value !== typeof seen[0]) seen.push(value);
      }
    }
    const columns = [...values.keys()].sort();
    const types = columns.map((c) => columnType(values.get(c)!));
    const file = path.join(directory, name);
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, stringify([[...fixedHeader, ...columns.map((c, i) => `${c}:${types[i]}`)]], { quoted_string: true }));
      for (let i = 0; i < keys.length; i += 10000) {
        const rows = keys.slice(i, i + 10000).map((key) => {
          const r = row(key);
          return [...r.fixed, ...columns.map((c) => cellOf(r.props[c]))];
        });
        fs.writeSync(fd, stringify(rows, { quoted_string: true }));
      }
    } finally {
      fs.closeSync(fd);
    }
    return file;
  };
  const nodes = [...nodesByKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, keys]) =>
    write(`nodes-${kind}.csv`, ['id:ID', ':LABEL'], keys, (key) => ({ fixed: [key, ENTITY_KINDS.has(kind) ? `${kind};Entity` : kind], props: toNeo4jProperties(graph.getNodeAttributes(key)) })),
  );
  const relationships = [...relsByType].sort(([a], [b]) => a.localeCompare(b)).map(([type, keys]) =>
    write(`relationships-${type}.csv`, [':START_ID', ':END_ID', ':TYPE'], keys, (key) => {
      const [s, t] = storedEndpoints(graph.source(key), graph.target(key), graph.isUndirected(key));
      return { fixed: [s, t, type], props: toNeo4jProperties(graph.getEdgeAttributes(key)) };
    }),
  );
  const command = [
    'neo4j-admin database import full neo4j --overwrite-destination',
    // Subjects and names can span lines.
    '--multiline-fields=true',
    `--array-delimiter="${ARRAY_DELIMITER}"`,
    ...nodes.map((f) => `--nodes=${path.basename(f)}`),
    ...relationships.map((f) => `--relationships=${path.basename(f)}`),
  ].join(' ');
  fs.writeFileSync(path.join(directory, 'import.sh'), `#!/bin/sh\n# Offline bulk import of these files (run from this directory, Neo4j stopped).\ncd "$(dirname "$0")" && ${command}\n`, { mode: 0o755 });
  return { nodes, relationships, command };
}
