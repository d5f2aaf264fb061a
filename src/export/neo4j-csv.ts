import * as fs from 'fs';
import * as path from 'path';
import type Graph from 'graphology';
import { stringify } from 'csv-stringify/sync';
import { toNeo4jProperties } from '../store/neo4j/load';

/** neo4j-admin's array delimiter (its default). */
const ARRAY_DELIMITER = ';';
const ENTITY_KINDS = new Set(['Person', 'Organization', 'Place']);

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
  const nodesByKind = new Map<string, Array<{ id: string; props: Record<string, Value> }>>();
  graph.forEachNode((node, a) => {
    const kind = String(a.kind);
    if (!nodesByKind.has(kind)) nodesByKind.set(kind, []);
    nodesByKind.get(kind)!.push({ id: node, props: toNeo4jProperties(a) });
  });
  const relsByType = new Map<string, Array<{ s: string; t: string; props: Record<string, Value> }>>();
  graph.forEachEdge((_e, a, source, target, _sa, _ta, undirected) => {
    const type = String(a.type);
    const [s, t] = undirected && target < source ? [target, source] : [source, target];
    if (!relsByType.has(type)) relsByType.set(type, []);
    relsByType.get(type)!.push({ s, t, props: toNeo4jProperties(a) });
  });

  const write = (name: string, fixed: string[], rows: Array<{ fixed: string[]; props: Record<string, Value> }>): string => {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r.props)))].filter((c) => c !== 'id').sort();
    const types = columns.map((c) => columnType(rows.map((r) => r.props[c]).filter((v): v is Value => v !== undefined)));
    const header = [...fixed, ...columns.map((c, i) => `${c}:${types[i]}`)];
    const file = path.join(directory, name);
    fs.writeFileSync(file, stringify([header, ...rows.map((r) => [...r.fixed, ...columns.map((c) => cellOf(r.props[c]))])], { quoted_string: true }));
    return file;
  };
  const nodes = [...nodesByKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, rows]) =>
    write(`nodes-${kind}.csv`, ['id:ID', ':LABEL'], rows.map((r) => ({ fixed: [r.id, ENTITY_KINDS.has(kind) ? `${kind};Entity` : kind], props: r.props }))),
  );
  const relationships = [...relsByType].sort(([a], [b]) => a.localeCompare(b)).map(([type, rows]) =>
    write(`relationships-${type}.csv`, [':START_ID', ':END_ID', ':TYPE'], rows.map((r) => ({ fixed: [r.s, r.t, type], props: r.props }))),
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
