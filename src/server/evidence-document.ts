// The evidence behind links as documents to take away: CSV (one row per passage) and Markdown.
import { stringify } from 'csv-stringify/sync';
import type { Explorer } from './explore';
import type { EvidenceCable, NodeView, PairEvidence } from '../model';

/** One link (a pair of entities) and every cable naming both, with passages. */
export type EvidenceSection = PairEvidence;

export interface EvidenceDocument {
  /** What the document is about: "Kouchner ↔ Talabani", "path Kouchner → … → Irbil", "Kouchner's links". */
  title: string;
  sections: EvidenceSection[];
  /** Base URL of the viewer (links to each cable and entity), e.g. http://127.0.0.1:8080. */
  viewer: string;
}

/** The public Cable Viewer page of a cable (WikiLeaks PlusD). */
export const publicCableUrl = (id: string): string =>
  `https://wikileaks.org/plusd/cables/${encodeURIComponent(id)}_a.html`;
export const viewerCableUrl = (base: string, id: string): string => `${base}/#/cable/${encodeURIComponent(id)}`;
export const viewerEntityUrl = (base: string, id: string): string => `${base}/#/entity/${encodeURIComponent(id)}`;

const CSV_COLUMNS = [
  'entity_a',
  'entity_b',
  'link_cables',
  'link_weight',
  'cable',
  'date',
  'subject',
  'origin',
  'classification',
  'paragraph',
  'shared_paragraph',
  'passage',
  'viewer_url',
  'public_url',
];

/** One row per passage (a cable with no passage text still gets a row), every cable of every link. */
export function evidenceCsv(doc: EvidenceDocument): string {
  const rows: unknown[][] = [];
  for (const s of doc.sections) {
    for (const c of s.cables) {
      const base = [
        s.a.name,
        s.b.name,
        s.edge?.cableCount ?? s.total,
        s.edge?.weight ?? '',
        c.id,
        c.date ?? '',
        c.subject ?? '',
        c.origin ?? '',
        c.classification ?? '',
      ];
      const links = [viewerCableUrl(doc.viewer, c.id), publicCableUrl(c.id)];
      if (c.passages.length === 0) rows.push([...base, '', false, '', ...links]);
      for (const p of c.passages)
        rows.push([...base, p.paragraph, c.sharedParagraphs.includes(p.paragraph), p.text, ...links]);
    }
  }
  return stringify(rows, { header: true, columns: CSV_COLUMNS, cast: { boolean: (b) => (b ? 'yes' : 'no') } });
}

/** Markdown special characters escaped in running text. */
const md = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** A passage with both names in bold, as a block quote. */
function quote(passage: EvidenceCable['passages'][number]): string {
  let out = '';
  let at = 0;
  for (const hl of [...passage.highlights].sort((x, y) => x.start - y.start)) {
    if (hl.start < at) continue;
    out += md(passage.text.slice(at, hl.start)) + `**${md(passage.text.slice(hl.start, hl.end))}**`;
    at = hl.end;
  }
  out += md(passage.text.slice(at));
  const label = passage.paragraph === 0 ? 'header' : `¶${passage.paragraph}`;
  return out
    .split('\n')
    .map((line, i) => `> ${i === 0 ? `(${label}) ` : ''}${line}`)
    .join('\n');
}

const entityLink = (doc: EvidenceDocument, n: NodeView): string =>
  `[${md(n.name)}](${viewerEntityUrl(doc.viewer, n.id)})`;

/** Headings per link (with exact counts), a list of cables with links, their passages quoted. */
export function evidenceMarkdown(doc: EvidenceDocument, generatedAt: string): string {
  const lines = [
    `# ${md(doc.title)}`,
    '',
    `Exported from cablegraph on ${generatedAt}. Every cable naming both entities of each link; passages with both names in **bold**.`,
    '',
  ];
  for (const s of doc.sections) {
    const count = s.edge?.cableCount ?? s.total;
    const dates = s.edge?.firstDate
      ? `, ${s.edge.firstDate}${s.edge.lastDate && s.edge.lastDate !== s.edge.firstDate ? ` – ${s.edge.lastDate}` : ''}`
      : '';
    lines.push(
      `## ${entityLink(doc, s.a)} ↔ ${entityLink(doc, s.b)}`,
      '',
      `${s.total} cable${s.total === 1 ? ' names' : 's name'} both${s.edge ? ` (co-mentioned in ${count}, weight ${s.edge.weight}${dates})` : ''}.`,
      '',
    );
    for (const c of s.cables) {
      const meta = [c.date, c.origin, c.classification].filter(Boolean).join(' · ');
      lines.push(
        `- **[${md(c.id)}](${viewerCableUrl(doc.viewer, c.id)})** ${meta ? `${md(meta)} — ` : ''}${md(c.subject ?? '')} ([public copy](${publicCableUrl(c.id)}))`,
      );
      if (c.sharedParagraphs.length === 0 && c.passages.length > 0)
        lines.push('', '  _Named in different paragraphs of this cable._');
      for (const p of c.passages)
        lines.push(
          '',
          quote(p)
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n'),
        );
      lines.push('');
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** What to take away: the evidence of a pair, of every link of a path, or of an entity's strongest links. */
export type EvidenceTarget =
  | { kind: 'evidence'; a: string; b: string }
  | { kind: 'path'; ids: string[] }
  | { kind: 'entity'; id: string; links: number };

/**
 * The document of a target, every cable of every link (the viewer's evidence, unpaged), with a file
 * name stem; `missing` names an entity that is not in the graph.
 */
export async function evidenceDocument(
  explorer: Explorer,
  target: EvidenceTarget,
  viewer: string,
): Promise<{ doc: EvidenceDocument; name: string[] } | { missing: string }> {
  const sections: EvidenceSection[] = [];
  const pair = async (a: string, b: string): Promise<string | undefined> => {
    const evidence = await explorer.evidence(a, b, Number.MAX_SAFE_INTEGER, 0);
    if (!evidence) return (await explorer.store.entities([a])).length === 0 ? a : b;
    sections.push(evidence);
    return undefined;
  };
  if (target.kind === 'evidence') {
    const missing = await pair(target.a, target.b);
    if (missing) return { missing };
    const [s] = sections;
    return { doc: { title: `${s.a.name} ↔ ${s.b.name}`, sections, viewer }, name: [s.a.name, s.b.name] };
  }
  if (target.kind === 'path') {
    for (let i = 1; i < target.ids.length; i += 1) {
      const missing = await pair(target.ids[i - 1], target.ids[i]);
      if (missing) return { missing };
    }
    const names = [sections[0].a.name, ...sections.map((s) => s.b.name)];
    return { doc: { title: `Path ${names.join(' → ')}`, sections, viewer }, name: [names[0], names.at(-1)!] };
  }
  const entity = await explorer.entity(target.id, target.links);
  if (!entity) return { missing: target.id };
  for (const n of entity.neighbours) await pair(entity.id, n.id);
  return {
    doc: { title: `${entity.name}: the evidence behind its ${sections.length} strongest links`, sections, viewer },
    name: [entity.name],
  };
}

/** A download's file name from the entities: letters, digits and dashes only. */
export const evidenceFileName = (parts: string[], format: string): string =>
  `cablegraph-evidence-${
    parts
      .join('-')
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80)
      .toLowerCase() || 'export'
  }.${format}`;
