// The Cable Viewer HTML reader: a page's metadata and cable text.
import { Tokenizer } from 'htmlparser2';
import { Deadline } from './budget';
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

/** Tags whose opening closes the innermost open one of these (as htmlparser2's Parser and browsers do). */
const OPEN_IMPLIES_CLOSE: Record<string, ReadonlySet<string>> = {
  tr: new Set(['tr', 'th', 'td']),
  th: new Set(['th']),
  td: new Set(['thead', 'th', 'td']),
};
/** The only elements whose nesting the reader needs; every other tag is ignored (no stack to grow). */
const TRACKED = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'a']);

interface TagEvents {
  open(name: string, attribs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
  /** The input has ended: called before the closings it implies. */
  end(): void;
}

/**
 * Tag events from htmlparser2's Tokenizer, with the implied closings the reader relies on
 * (`</pre>` closes an open anchor, `<td>` closes the previous cell, end of input closes all).
 * htmlparser2's Parser keeps every open element on an array it `unshift`s and `indexOf`s, which is
 * quadratic on deeply nested or never-closed tags (200,000 `<div>` took minutes); here only the
 * few tracked elements are stacked, with a count per name, so each tag costs O(1) amortized.
 */
function tokenize(html: string, events: TagEvents, deadline: Deadline): void {
  const stack: string[] = [];
  const depth = new Map<string, number>();
  const push = (name: string): void => {
    stack.push(name);
    depth.set(name, (depth.get(name) ?? 0) + 1);
  };
  const pop = (): void => {
    const name = stack.pop()!;
    depth.set(name, depth.get(name)! - 1);
    events.close(name);
  };
  let tag = '';
  let attribs: Record<string, string> = {};
  let attribName = '';
  let attribValue = '';
  const openTag = (): void => {
    const implied = OPEN_IMPLIES_CLOSE[tag];
    if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1])) pop();
    if (TRACKED.has(tag)) push(tag);
    events.open(tag, attribs);
  };
  const closeTag = (name: string): void => {
    if (name === 'br') {
      events.open('br', {}); // `</br>` is read as `<br>`, as browsers do
      return;
    }
    if (!TRACKED.has(name)) {
      events.close(name);
      return;
    }
    if ((depth.get(name) ?? 0) === 0) return; // closes nothing that is open
    while (stack[stack.length - 1] !== name) pop();
    pop();
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        deadline.tick();
        tag = html.slice(start, end).toLowerCase();
        attribs = {};
      },
      onattribname(start, end) {
        attribName = html.slice(start, end).toLowerCase();
        attribValue = '';
      },
      onattribdata(start, end) {
        attribValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.prototype.hasOwnProperty.call(attribs, attribName)) attribs[attribName] = attribValue;
        attribValue = '';
      },
      onopentagend() {
        openTag();
      },
      onselfclosingtag() {
        openTag();
        if (TRACKED.has(tag)) closeTag(tag);
      },
      onclosetag(start, end) {
        deadline.tick();
        closeTag(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        deadline.tick();
        events.text(html.slice(start, end));
      },
      ontextentity(codepoint) {
        deadline.tick();
        events.text(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  events.end();
  while (stack.length > 0) pop();
}

/**
 * The text of a `<pre>` block, built in pieces, knowing its last non-blank character without
 * rescanning (a string rebuilt or rescanned at every paragraph anchor made pages with many anchors
 * quadratic).
 */
class TextPieces {
  private pieces: string[] = [];
  /** Spaces and tabs at the end. */
  private blankRun = 0;
  /** The last character that is not a space or tab ('' when there is none). */
  private lastNonBlank = '';

  append(text: string): void {
    if (text === '') return;
    this.pieces.push(text);
    let end = text.length;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end -= 1;
    if (end === 0) this.blankRun += text.length;
    else {
      this.lastNonBlank = text[end - 1]!;
      this.blankRun = text.length - end;
    }
  }

  /** Last character before any trailing spaces and tabs; '' when there is none. */
  lastBeforeBlanks(): string {
    return this.lastNonBlank;
  }

  /** Drops trailing spaces and tabs. */
  trimEndBlanks(): void {
    let drop = this.blankRun;
    while (drop > 0) {
      const piece = this.pieces.pop()!;
      if (piece.length > drop) this.pieces.push(piece.slice(0, piece.length - drop));
      drop -= Math.min(drop, piece.length);
    }
    this.blankRun = 0;
  }

  toString(): string {
    return this.pieces.join('');
  }
}

/**
 * Reads a WikiLeaks Cable Viewer page: the `cable` metadata table (by its column headings) and
 * every `<pre>` block (the routing header and the cable text, or only the text on partial-extract
 * pages). The navigation sidebar is ignored. Linear in the page; `deadline` bounds the time spent
 * (it throws BudgetExceeded).
 */
export function readCableViewerPage(html: string, deadline: Deadline = Deadline.none()): CableViewerPage {
  const metadata: ContainerMetadata = {};
  const preBlocks: string[] = [];
  const headings: string[] = [];
  let cells: string[] = [];
  let inCableTable = false;
  let cell: { kind: 'th' | 'td'; text: string } | undefined;
  let pre: TextPieces | undefined;
  let inParagraphAnchor = false;
  let pendingBreak = false;
  // What was open when the input ended (before the implied closings), to tell a whole page from a cut one.
  let openPre = false;
  let openTable = false;

  const events: TagEvents = {
    open(name, attribs) {
      if (name === 'table' && /\bcable\b/.test(attribs.class ?? '')) inCableTable = true;
      else if (inCableTable && (name === 'th' || name === 'td')) cell = { kind: name, text: '' };
      else if (inCableTable && name === 'tr') cells = [];
      else if (name === 'pre') pre = new TextPieces();
      else if (pre !== undefined && isParagraphAnchor(name, attribs)) {
        inParagraphAnchor = true;
        // Paragraphs start on a line of their own (annotated pages run them into the previous sentence).
        const before = pre.lastBeforeBlanks();
        if (before !== '' && before !== '\n') {
          pre.trimEndBlanks();
          pre.append('\n\n');
        }
      } else if (pre !== undefined && name === 'br') pendingBreak = true;
    },
    text(text) {
      if (cell) cell.text += text;
      else if (pre !== undefined && !inParagraphAnchor) {
        // Some pages put `<br>` before each encoded line break: one break, not two.
        if (pendingBreak && !text.startsWith('\n')) pre.append('\n');
        pendingBreak = false;
        pre.append(text);
      }
    },
    end() {
      openPre = pre !== undefined;
      openTable = inCableTable;
    },
    close(name) {
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
        if (pendingBreak) pre.append('\n');
        pendingBreak = false;
        preBlocks.push(pre.toString().replace(/\r\n?/g, '\n'));
        pre = undefined;
      }
    },
  };
  // Three quarters of a Cable Viewer page is the navigation sidebar before the cable: start at
  // the metadata table or the first <pre>, whichever comes first (4x less to tokenize).
  const content = html.slice(cableContentStart(html));
  tokenize(content, events, deadline);

  const page: CableViewerPage = { metadata, preBlocks };
  if (openPre) page.truncation = 'page ends inside the cable text (<pre> not closed)';
  else if (openTable) page.truncation = 'page ends inside the metadata table';
  else if (/<html/i.test(html) && !/<\/html\s*>/i.test(html.slice(-4096)))
    page.truncation = 'page has no closing </html>';
  return page;
}
