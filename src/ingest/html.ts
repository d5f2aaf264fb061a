import { Parser } from 'htmlparser2';
import type { ContainerMetadata } from './types';

/** What a Cable Viewer page holds, before any interpretation. */
export interface CableViewerPage {
  metadata: ContainerMetadata;
  /** Text of each `<pre>` block, entities decoded, tags dropped, paragraph anchors (¶) removed. */
  preBlocks: string[];
  /** Why the page looks cut short, if it does (e.g. a `<pre>` never closed). */
  truncation?: string;
}

/** Metadata table column headings → ContainerMetadata keys (headings, not positions, decide). */
const METADATA_COLUMNS: Record<string, keyof Omit<ContainerMetadata, 'references'>> = {
  'reference id': 'referenceId',
  created: 'created',
  released: 'released',
  classification: 'classification',
  origin: 'origin',
};

/** A paragraph anchor, `<a id='par3' href='#par3'>¶</a>` (also `parB` on lettered lists): the ¶ is the viewer's, not the cable's. */
const isParagraphAnchor = (name: string, attribs: Record<string, string>): boolean =>
  name === 'a' && /^par[0-9A-Za-z]+$/.test(attribs.id ?? '');

/** Offset of the first tag that matters: `<table class='cable'>` or `<pre>`; 0 when neither is found. */
function cableContentStart(html: string): number {
  const starts = [/<table\s+class=['"]?cable\b/i, /<pre[\s>]/i].map((re) => html.search(re)).filter((i) => i >= 0);
  return starts.length > 0 ? Math.min(...starts) : 0;
}

/**
 * Reads a WikiLeaks Cable Viewer page with htmlparser2's streaming callbacks: the `cable`
 * metadata table (by its column headings) and every `<pre>` block (the routing header and the
 * cable text, or only the text on partial-extract pages). The navigation sidebar is ignored.
 */
export function readCableViewerPage(html: string): CableViewerPage {
  const metadata: ContainerMetadata = {};
  const preBlocks: string[] = [];
  const headings: string[] = [];
  let cells: string[] = [];
  let inCableTable = false;
  let cell: { kind: 'th' | 'td'; text: string } | undefined;
  let pre: string | undefined;
  let inParagraphAnchor = false;
  let pendingBreak = false;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'table' && /\bcable\b/.test(attribs.class ?? '')) inCableTable = true;
        else if (inCableTable && (name === 'th' || name === 'td')) cell = { kind: name, text: '' };
        else if (inCableTable && name === 'tr') cells = [];
        else if (name === 'pre') pre = '';
        else if (pre !== undefined && isParagraphAnchor(name, attribs)) {
          inParagraphAnchor = true;
          // Paragraphs start on a line of their own (annotated pages run them into the previous sentence).
          // Backward scan (a regex anchored at $ would rescan the whole block for every anchor).
          let end = pre.length;
          while (end > 0 && (pre[end - 1] === ' ' || pre[end - 1] === '\t')) end -= 1;
          if (end > 0 && pre[end - 1] !== '\n') pre = `${pre.slice(0, end)}\n\n`;
        } else if (pre !== undefined && name === 'br') pendingBreak = true;
      },
      ontext(text) {
        if (cell) cell.text += text;
        else if (pre !== undefined && !inParagraphAnchor) {
          // Some pages put `<br>` before each encoded line break: one break, not two.
          if (pendingBreak && !text.startsWith('\n')) pre += '\n';
          pendingBreak = false;
          pre += text;
        }
      },
      onclosetag(name) {
        if (name === 'a') inParagraphAnchor = false;
        else if (cell && name === cell.kind) {
          const value = cell.text.replace(/\s+/g, ' ').trim();
          if (cell.kind === 'th') headings.push(value.toLowerCase());
          else cells.push(value);
          cell = undefined;
        } else if (inCableTable && name === 'tr' && cells.length > 0 && cells.length === headings.length) {
          // Only the row under the headings: a later `colspan` row lists press articles, not metadata.
          cells.forEach((value, i) => {
            const key = METADATA_COLUMNS[headings[i] ?? ''];
            if (key && value !== '') metadata[key] = value;
          });
        } else if (inCableTable && name === 'table') inCableTable = false;
        else if (name === 'pre' && pre !== undefined) {
          if (pendingBreak) pre += '\n';
          pendingBreak = false;
          preBlocks.push(pre.replace(/\r\n?/g, '\n'));
          pre = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  // Three quarters of a Cable Viewer page is the navigation sidebar before the cable: start at
  // the metadata table or the first <pre>, whichever comes first (4x less to tokenize).
  parser.write(html.slice(cableContentStart(html)));
  // Closing tags that htmlparser2 implies at end of input are reported as closed: record what
  // was open *before* ending, to tell a whole page from a cut one.
  const openPre = pre !== undefined;
  const openTable = inCableTable;
  parser.end();

  const page: CableViewerPage = { metadata, preBlocks };
  if (openPre) page.truncation = 'page ends inside the cable text (<pre> not closed)';
  else if (openTable) page.truncation = 'page ends inside the metadata table';
  else if (/<html/i.test(html) && !/<\/html\s*>/i.test(html.slice(-4096))) page.truncation = 'page has no closing </html>';
  return page;
}
