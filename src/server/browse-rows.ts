// Reading browse rows the same way in both stores: optional text, date spans, and the orders both answers keep.
import type { CableRef, LinkedNode } from '../model';
import { compare } from './search';

export type Row = Record<string, unknown>;

export const optional = (value: unknown): string | undefined =>
  // a driver's value prints itself (a string, a number, or Neo4j's Integer through its own toString)
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  value === null || value === undefined || value === '' ? undefined : String(value);

export const dates = (row: Row): { firstDate?: string; lastDate?: string } => {
  const first = optional(row.firstDate);
  const last = optional(row.lastDate);
  return { ...(first ? { firstDate: first } : {}), ...(last ? { lastDate: last } : {}) };
};

export const byNameThenId = (x: LinkedNode, y: LinkedNode): number => compare(x.name, y.name) || compare(x.id, y.id);

export const byDateThenId = (x: CableRef, y: CableRef): number =>
  compare(x.date ?? '9999', y.date ?? '9999') || compare(x.id, y.id);
