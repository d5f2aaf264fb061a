// `cablegraph evidence`: the cables and passages behind a link, a path or an entity, as Markdown or CSV.
import * as fs from 'fs';
import { CablegraphError } from '../common/diagnostics';
import { Explorer } from '../server';
import { evidenceCsv, evidenceDocument, evidenceMarkdown, type EvidenceTarget } from '../server/evidence-document';
import { SqliteStore } from '../server/sqlite-store';
import { findInDatabase } from './entities-command';
import { DEFAULT_GRAPH_FILE } from '../build/options';

export interface EvidenceCommandOptions {
  graph?: string;
  format?: string;
  output?: string;
  links?: string;
  viewer?: string;
  quiet?: boolean;
}

/**
 * `cablegraph evidence <entity> [entity…]`: one entity → the evidence of its strongest links; two →
 * every cable naming both; more → every link of that path, in order. Entities by id, name or alias.
 * The same documents as the viewer's take-away downloads, from the graph database, without a server.
 */
export async function runEvidence(entities: string[], options: EvidenceCommandOptions): Promise<number> {
  const format = options.format ?? 'md';
  if (format !== 'md' && format !== 'csv')
    throw new CablegraphError('BAD_OPTION', `--format wants md or csv, got "${format}"`);
  const links = options.links === undefined ? 20 : Number(options.links);
  if (!Number.isInteger(links) || links < 1 || links > 100)
    throw new CablegraphError('BAD_OPTION', `--links wants a whole number from 1 to 100, got "${options.links}"`);
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  if (!fs.existsSync(file))
    throw new CablegraphError(
      'GRAPH_NOT_FOUND',
      `no graph database ${file}: build one (npx cablegraph build <cables> -o ${file}) or give -g`,
      { file },
    );
  const store = SqliteStore.open(file);
  let result: Awaited<ReturnType<typeof evidenceDocument>>;
  try {
    const ids = entities.map((e) => findInDatabase(store.db, e));
    const target: EvidenceTarget =
      ids.length === 1
        ? { kind: 'entity', id: ids[0], links }
        : ids.length === 2
          ? { kind: 'evidence', a: ids[0], b: ids[1] }
          : { kind: 'path', ids };
    result = await evidenceDocument(
      new Explorer(store),
      target,
      (options.viewer ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
    );
  } finally {
    await store.close();
  }
  if ('missing' in result) throw new CablegraphError('CURATION_UNKNOWN_ENTITY', `no entity ${result.missing}`);
  const body =
    format === 'csv' ? evidenceCsv(result.doc) : evidenceMarkdown(result.doc, new Date().toISOString().slice(0, 10));
  if (!options.output || options.output === '-') process.stdout.write(body);
  else {
    fs.writeFileSync(`${options.output}.tmp`, body);
    fs.renameSync(`${options.output}.tmp`, options.output);
  }
  if (!options.quiet) {
    const cables = new Set(result.doc.sections.flatMap((s) => s.cables.map((c) => c.id))).size;
    process.stderr.write(
      `cablegraph evidence: ${result.doc.title}: ${result.doc.sections.length} link${result.doc.sections.length === 1 ? '' : 's'}, ${cables} cables${options.output && options.output !== '-' ? ` → ${options.output}` : ''}\n`,
    );
  }
  return 0;
}
