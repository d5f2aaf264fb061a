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
  let sawHtmlEnd = false;

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
          if (/\S[ \t]*$/.test(pre)) pre = `${pre.replace(/[ \t]+$/, '')}\n\n`;
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
        } else if (name === 'html') sawHtmlEnd = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  // Closing tags that htmlparser2 implies at end of input are reported as closed: record what
  // was open *before* ending, to tell a whole page from a cut one.
  const openPre = pre !== undefined;
  const openTable = inCableTable;
  parser.end();

  const page: CableViewerPage = { metadata, preBlocks };
  if (openPre) page.truncation = 'page ends inside the cable text (<pre> not closed)';
  else if (openTable) page.truncation = 'page ends inside the metadata table';
  else if (!sawHtmlEnd && /<html/i.test(html)) page.truncation = 'page has no closing </html>';
  return page;
}
