// A list of cables (a post's, a tag's, a signer's … under a filter) as a document to take away: CSV and Markdown, with links.
import { stringify } from 'csv-stringify/sync';
import type { CableFilter, FilterSubjects } from '../model';
import { evidenceFileName, publicCableUrl, viewerCableUrl } from './evidence-document';
import type { CableRef } from '../model';

export interface CableListDocument {
  filter: CableFilter;
  subjects: FilterSubjects;
  /** Every cable the filter matches. */
  total: number;
  cables: CableRef[];
  /** Base URL of the viewer, e.g. http://127.0.0.1:8080. */
  viewer: string;
}

/** "sent by Embassy Paris · tagged IZ (Iraq) · 2007 – 2007": the filter in words, from what it names. */
export function describeFilter(filter: CableFilter, subjects: FilterSubjects): string {
  const parts: string[] = [];
  if (filter.post) parts.push(`sent or received by ${subjects.post?.name ?? filter.post}`);
  if (filter.from) parts.push(`sent by ${subjects.from?.name ?? filter.from}`);
  if (filter.to) parts.push(`sent to ${subjects.to?.name ?? filter.to}`);
  if (filter.tag)
    parts.push(
      `tagged ${subjects.tag ? `${subjects.tag.code}${subjects.tag.label ? ` (${subjects.tag.label})` : ''}` : filter.tag}`,
    );
  if (filter.signer) parts.push(`signed by ${subjects.signer?.name ?? filter.signer}`);
  if (filter.entity) parts.push(`naming ${subjects.entity?.name ?? filter.entity}`);
  if (filter.since || filter.until) parts.push(`${filter.since ?? '…'} – ${filter.until ?? '…'}`);
  return parts.join(' · ');
}

/** One row per cable. */
export function cableListCsv(doc: CableListDocument): string {
  const rows = doc.cables.map((c) => [
    c.id,
    c.date ?? '',
    c.origin ?? '',
    c.classification ?? '',
    c.subject ?? '',
    viewerCableUrl(doc.viewer, c.id),
    publicCableUrl(c.id),
  ]);
  return stringify(rows, {
    header: true,
    columns: ['cable', 'date', 'origin', 'classification', 'subject', 'viewer_url', 'public_url'],
  });
}

const md = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** A heading with the filter in words, the count, then one line per cable linked to the viewer and the public copy. */
export function cableListMarkdown(doc: CableListDocument, today: string): string {
  const lines = [
    `# Cables ${md(describeFilter(doc.filter, doc.subjects))}`,
    '',
    `${doc.total} cable${doc.total === 1 ? '' : 's'}${doc.cables.length < doc.total ? ` (the first ${doc.cables.length} here)` : ''}; taken from cablegraph on ${today}.`,
    '',
  ];
  for (const c of doc.cables) {
    const meta = [c.date, c.origin, c.classification].filter(Boolean).join(' · ');
    lines.push(
      `- **[${c.id}](${viewerCableUrl(doc.viewer, c.id)})** ${md(meta)}${c.subject ? ` — ${md(c.subject)}` : ''} ([public copy](${publicCableUrl(c.id)}))`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export const cableListFileName = (doc: Pick<CableListDocument, 'filter' | 'subjects'>, format: string): string =>
  evidenceFileName(['cables', describeFilter(doc.filter, doc.subjects)], format).replace(
    /^cablegraph-evidence-/,
    'cablegraph-',
  );
