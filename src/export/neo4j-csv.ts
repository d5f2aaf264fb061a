// neo4j-admin import CSVs: nodes and relationships by label and type, with the online loader's properties.
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'csv-stringify/sync';
import {
  relationshipProperties,
  STATEMENT_LABEL,
  statementProperties,
  storedEndpoints,
  toNeo4jProperties,
} from '../model/neo4j-shape';
import { graphSource } from './source';
import {
  runWriter,
  runWriterAsync,
  temporaryPath,
  type ExportCounts,
  type ExportEdge,
  type ExportSource,
  type ExportWriter,
} from './stream';
import { isEntityKind, type CableGraph } from '../model';

/**
 * neo4j-admin's array delimiter: the ASCII unit separator, which cable text does not contain. Its
 * default ';' splits any list element holding one (a role's passages are sentences), and the
 * importer has no escape for it.
 */
export const ARRAY_DELIMITER = '\u001f';
/** Rows gathered per file before a write. */
const ROWS_PER_WRITE = 10000;

type Value = string | number | boolean | Array<string | number | boolean>;

/** A column's neo4j-admin type from every value it takes: flags, not the values. */
class ColumnType {
  private array = false;
  private boolean = true;
  private integer = true;
  private number = true;

  add(value: Value): void {
    if (Array.isArray(value)) {
      this.array = true;
      for (const v of value) this.addScalar(v);
    } else this.addScalar(value);
  }

  private addScalar(v: string | number | boolean): void {
    if (typeof v !== 'boolean') this.boolean = false;
    if (typeof v !== 'number') this.number = this.integer = false;
    else if (!Number.isInteger(v)) this.integer = false;
  }

  get type(): string {
    const base = this.boolean ? 'boolean' : this.integer ? 'long' : this.number ? 'double' : 'string';
    return this.array ? `${base}[]` : base;
  }
}

// A missing value is an empty cell left unquoted (null): neo4j-admin sets no property, as the online
// load does; a quoted "" would be an empty string.
const cellOf = (value: Value | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : String(value);

/** One CSV file being written: its columns, typed, and rows gathered until a write. */
class CsvFile {
  readonly columns: string[];
  private readonly fd: number;
  private rows: Array<Array<string | null>> = [];

  constructor(
    readonly file: string,
    fixedHeader: string[],
    types: Map<string, ColumnType>,
  ) {
    this.columns = [...types.keys()].sort();
    this.fd = fs.openSync(temporaryPath(file), 'w');
    try {
      fs.writeSync(
        this.fd,
        stringify([[...fixedHeader, ...this.columns.map((c) => `${c}:${types.get(c)!.type}`)]], {
          quoted_string: true,
        }),
      );
    } catch (error) {
      // Not yet known to the writer's abort (a full disk at the header): remove it here.
      this.abort();
      throw error;
    }
  }

  add(fixed: string[], props: Record<string, Value>): void {
    this.rows.push([...fixed, ...this.columns.map((c) => cellOf(props[c]))]);
    if (this.rows.length >= ROWS_PER_WRITE) this.flush();
  }

  flush(): void {
    if (this.rows.length > 0) fs.writeSync(this.fd, stringify(this.rows, { quoted_string: true }));
    this.rows = [];
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(temporaryPath(this.file), { force: true });
  }
}

function addColumns(types: Map<string, ColumnType>, props: Record<string, Value>): void {
  for (const [column, value] of Object.entries(props)) {
    if (column === 'id') continue;
    let type = types.get(column);
    if (!type) types.set(column, (type = new ColumnType()));
    type.add(value);
  }
}

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
 *
 * Streamed: node files are written from the nodes in memory; relationships take a first pass over
 * the edges to learn each type's columns and their types, and a second that writes rows to the
 * per-type files, 10,000 at a time with synchronous writes, so memory never grows with the edges.
 * Every file is written under a temporary name and renamed at the end.
 */
export class Neo4jCsvWriter implements ExportWriter {
  private readonly relationshipTypes = new Map<string, Map<string, ColumnType>>();
  private readonly relationshipFiles = new Map<string, CsvFile>();
  private readonly open: CsvFile[] = [];
  private readonly written: string[] = [];
  /** The cut roles and affiliations exported (their middle statements go to nodes-Statement.csv). */
  private readonly cutEdges = new Set<string>();
  files: Neo4jCsvFiles | undefined;

  constructor(
    private readonly source: ExportSource,
    private readonly directory: string,
  ) {}

  observe(edge: ExportEdge): void {
    const type = String(edge.attributes.type);
    let types = this.relationshipTypes.get(type);
    if (!types) this.relationshipTypes.set(type, (types = new Map<string, ColumnType>()));
    addColumns(types, relationshipProperties(edge.attributes, edge.source, edge.target));
    if (edge.attributes.evidenceTruncated === true && (type === 'HOLDS_ROLE' || type === 'AFFILIATED_WITH'))
      this.cutEdges.add(edge.key);
  }

  // A generator that writes files and yields nothing: the chunk writers' interface, as `end` below.
  // eslint-disable-next-line require-yield
  *begin(): Generator<string> {
    fs.mkdirSync(this.directory, { recursive: true });
    const { keys, attributes } = this.source.nodes;
    const byKind = new Map<string, number[]>();
    for (let i = 0; i < keys.length; i += 1) {
      const kind = String(attributes[i].kind);
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind)!.push(i);
    }
    const nodes: string[] = [];
    for (const [kind, indexes] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
      const types = new Map<string, ColumnType>();
      for (const i of indexes) addColumns(types, toNeo4jProperties(attributes[i]));
      const file = this.create(`nodes-${kind}.csv`, ['id:ID', ':LABEL'], types);
      const label = isEntityKind(kind) ? `${kind}${ARRAY_DELIMITER}Entity` : kind;
      for (const i of indexes) file.add([keys[i], label], toNeo4jProperties(attributes[i]));
      this.finish(file);
      nodes.push(file.file);
    }
    const statements = this.statementFile();
    if (statements) nodes.push(statements);
    const relationships: string[] = [];
    for (const [type, types] of [...this.relationshipTypes].sort(([a], [b]) => a.localeCompare(b))) {
      const file = this.create(`relationships-${type}.csv`, [':START_ID', ':END_ID', ':TYPE'], types);
      this.relationshipFiles.set(type, file);
      relationships.push(file.file);
    }
    const command = [
      'neo4j-admin database import full neo4j --overwrite-destination',
      // Subjects and names can span lines.
      '--multiline-fields=true',
      "--array-delimiter=$'\\x1f'",
      ...nodes.map((f) => `--nodes=${path.basename(f)}`),
      ...relationships.map((f) => `--relationships=${path.basename(f)}`),
    ].join(' ');
    this.files = { nodes, relationships, command };
  }

  /**
   * nodes-Statement.csv: the middle statements of the cut edges exported (two passes over them: the
   * columns' types, then the rows), in their own ID space (`:ID(Statement)`, not stored: their key is
   * `edge` and `seq`); none when no edge was cut.
   */
  private statementFile(): string | undefined {
    const source = this.source;
    if (!source.statements || this.cutEdges.size === 0) return undefined;
    const cut = this.cutEdges;
    const kept = function* (): Generator<Record<string, Value>> {
      for (const s of source.statements!()) if (cut.has(s.edge)) yield statementProperties(s);
    };
    const types = new Map<string, ColumnType>();
    let count = 0;
    for (const props of kept()) {
      addColumns(types, props);
      count += 1;
    }
    if (count === 0) return undefined;
    const file = this.create(`nodes-${STATEMENT_LABEL}.csv`, [`:ID(${STATEMENT_LABEL})`, ':LABEL'], types);
    for (const props of kept()) file.add([`${String(props.edge)}#${String(props.seq)}`, STATEMENT_LABEL], props);
    this.finish(file);
    return file.file;
  }

  edge(edge: ExportEdge): undefined {
    const type = String(edge.attributes.type);
    const file = this.relationshipFiles.get(type);
    // An edge the first pass did not see: the source changed between passes.
    if (!file) throw new Error(`relationship type ${type} appeared on the second pass over the edges`);
    const [source, target] = storedEndpoints(edge.source, edge.target, edge.undirected);
    file.add([source, target, type], relationshipProperties(edge.attributes, source, target));
    return undefined;
  }

  // eslint-disable-next-line require-yield
  *end(): Generator<string> {
    for (const file of this.relationshipFiles.values()) this.finish(file);
    const script = path.join(this.directory, 'import.sh');
    this.written.push(script); // before the write: a write that fails half-way is removed by abort()
    fs.writeFileSync(
      temporaryPath(script),
      `#!/usr/bin/env bash\n# Offline bulk import of these files (run from this directory, Neo4j stopped; bash for the array delimiter).\ncd "$(dirname "$0")" && ${this.files!.command}\n`,
      { mode: 0o755 },
    );
    // Every file complete: only now do they take their names.
    for (const file of this.written) fs.renameSync(temporaryPath(file), file);
  }

  abort(): void {
    for (const file of this.open) file.abort();
    for (const file of this.written) fs.rmSync(temporaryPath(file), { force: true });
  }

  private create(name: string, fixedHeader: string[], types: Map<string, ColumnType>): CsvFile {
    const file = new CsvFile(path.join(this.directory, name), fixedHeader, types);
    this.open.push(file);
    return file;
  }

  private finish(file: CsvFile): void {
    file.close();
    this.open.splice(this.open.indexOf(file), 1);
    this.written.push(file.file);
  }
}

/** neo4j-admin CSVs of a streamed source (a graph file) in `directory`. */
export async function writeNeo4jCsvStream(
  source: ExportSource,
  directory: string,
  counts?: ExportCounts,
): Promise<Neo4jCsvFiles> {
  const writer = new Neo4jCsvWriter(source, directory);
  for await (const _ of runWriterAsync(writer, source, counts));
  return writer.files!;
}

/** neo4j-admin CSVs of a graph in memory in `directory`. */
export function writeNeo4jCsv(graph: CableGraph, directory: string): Neo4jCsvFiles {
  const source = graphSource(graph);
  const writer = new Neo4jCsvWriter(source, directory);
  for (const _ of runWriter(writer, source));
  return writer.files!;
}
