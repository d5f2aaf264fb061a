// The Neo4j schema (constraints, indexes) from cypher/, applied idempotently.
import * as fs from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';

/** The repository's cypher/ folder (the same files for loader, server and README). */
export const CYPHER_DIR = path.resolve(__dirname, '../../../cypher');

/** Statements of a .cypher file: `;`-terminated, `//` comment lines dropped. */
export function cypherStatements(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** Relationship property indexes (`FOR ()-[r:TYPE]-() ON …`): a loader may build them after its relationships. */
const isRelationshipIndex = (statement: string): boolean => /\bFOR\s*\(\)\s*-\s*\[/i.test(statement);

/**
 * Which statements of the schema: `all`, `nodes` (constraints, node and full-text indexes) or
 * `relationship-indexes` (the rest).
 */
export type SchemaPart = 'all' | 'nodes' | 'relationship-indexes';

/** Applies cypher/schema.cypher (constraints and indexes; idempotent) and waits for the indexes. */
export async function applySchema(driver: Driver, database?: string, part: SchemaPart = 'all'): Promise<number> {
  const statements = cypherStatements(fs.readFileSync(path.join(CYPHER_DIR, 'schema.cypher'), 'utf8')).filter(
    (statement) => part === 'all' || (part === 'nodes') !== isRelationshipIndex(statement),
  );
  const session = driver.session(database ? { database } : {});
  try {
    for (const statement of statements) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return statements.length;
}
