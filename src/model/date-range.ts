// Filters by date: the one date syntax (YYYY, YYYY-MM, YYYY-MM-DD) and the one span-overlap rule (Cypher and SQL restate it).
import type { EntityKind } from './entity-kind';

/** A filter date: a year, a month or a day, with a real month (01–12) and day (01–31). */
export const FILTER_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const FILTER_DATE_EXAMPLES = '2007, 2007-08 or 2007-08-27';

export const isFilterDate = (value: string): boolean => FILTER_DATE.test(value);

/** `since`/`until` bounds: years and months compare by prefix (`until 2007` includes all of 2007). */
export interface DateRange {
  since?: string;
  until?: string;
}

/**
 * Does a [first, last] date span overlap [since, until]? With no bounds, everything does; with a
 * bound, something undated does not (it is not known to be in the range).
 */
export function spanOverlaps(
  first: string | undefined,
  last: string | undefined,
  since: string | undefined,
  until: string | undefined,
): boolean {
  if (!since && !until) return true;
  const from = first || last;
  const to = last || first;
  if (!from || !to) return false;
  if (since && to < since) return false;
  if (until && from.slice(0, until.length) > until) return false;
  return true;
}

/** Filters shared by the viewer's neighbourhood and overview. */
export interface GraphFilter extends DateRange {
  types?: EntityKind[];
  /** Co-mention edges lighter than this are not followed or drawn. */
  minWeight?: number;
  /** Overview only: keep one Louvain community. */
  community?: number;
}
