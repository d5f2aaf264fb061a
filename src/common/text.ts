// A value of an untyped row (SQLite, Neo4j) or query string as text: strings as they are, scalars printed, objects as JSON.
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
