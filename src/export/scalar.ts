// Attribute values as the XML formats store them: scalars as they are, lists as `|`-separated text.
/**
 * Attribute values as the XML formats (GEXF, GraphML) store them: scalars as they are, alias
 * lists (`[{text, count}]`) and plain lists as `|`-separated text, anything else as JSON.
 */
export function toScalar(value: unknown): string | number | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'text' in v))
    return value.map((v) => (v as { text: string }).text).join('|');
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join('|');
  return JSON.stringify(value);
}
