import * as path from 'path';
import { traceMemory } from '../common/trace-memory';
import { compileGraph } from './build';
import { EvidenceLog } from './evidence-log';
import { edgeLine, GRAPH_FILE_FORMAT, GRAPH_FILE_VERSION, nodeLine, writeGraphLines, type GraphFileHeader } from './file';
import { metricsOf } from './metrics';
import type { SortedRecords } from './record-store';
import { Spool } from './spool';
import type { BuildOptions } from './types';

export interface BuildFileSummary {
  nodes: number;
  edges: number;
  byKind: Map<string, number>;
  byType: Map<string, number>;
  /** Seconds resolving, building and computing metrics; then writing. */
  graphSeconds: number;
  writeSeconds: number;
}

/**
 * Builds the graph of `records` straight into a graph file — the same bytes as buildGraph then
 * writeGraphFile, without the graph in memory: per-cable edges go to a temporary file as they are
 * made, co-mentions stay in typed arrays with their evidence in bucket files (read back one
 * bucket at a time, in edge order), and nodes take their metrics as they are written.
 */
/**
 * Buckets of the co-mention evidence on disk: at full-corpus scale the evidence is a few GB, read
 * back one bucket (a sixty-fourth) at a time; each bucket buffers 64 KB while it is written.
 */
const EVIDENCE_BUCKETS = 64;

export async function buildGraphFile(file: string, records: SortedRecords, options: BuildOptions): Promise<BuildFileSummary> {
  const started = Date.now();
  const scratch = (what: string): string => path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${what}.tmp`);
  const edges = new Spool(scratch('edges'));
  let evidence: EvidenceLog | undefined;
  try {
    const compiled = compileGraph(records, options, (key, source, target, attributes) => edges.append(edgeLine(key, source, target, false, attributes)), { evidenceLog: () => (evidence = new EvidenceLog(EVIDENCE_BUCKETS, scratch('evidence'))) });
    traceMemory('graph compiled');
    const metrics = metricsOf(compiled.metricsInput, options);
    const writeStarted = Date.now();
    const { nodes } = compiled;
    const header: GraphFileHeader = { format: GRAPH_FILE_FORMAT, version: GRAPH_FILE_VERSION, cables: records.length, nodes: nodes.length, edges: compiled.edgeCount, buildOptions: options };
    const byKind = new Map<string, number>();
    function* lines(): Generator<string | Buffer> {
      yield `${JSON.stringify(header)}\n`;
      for (let i = 0; i < records.length; i += 1) yield records.line(i);
      for (let i = 0; i < nodes.length; i += 1) {
        const attributes = Object.assign(nodes.attributes[i]!, metrics(i));
        byKind.set(attributes.kind as string, (byKind.get(attributes.kind as string) ?? 0) + 1);
        yield nodeLine(nodes.keys[i]!, attributes);
      }
      yield* edges.chunks();
      yield* compiled.coMentions.edgeLines(compiled.cableIds, compiled.cableDates);
    }
    await writeGraphLines(file, lines());
    traceMemory('graph file written');
    return { nodes: nodes.length, edges: compiled.edgeCount, byKind, byType: compiled.edgeTypes, graphSeconds: (writeStarted - started) / 1000, writeSeconds: (Date.now() - writeStarted) / 1000 };
  } finally {
    edges.remove();
    evidence?.remove();
  }
}
