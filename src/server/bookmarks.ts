// Bookmarks and notes on entities and cables: a JSON-lines file beside the curation file.
import * as fs from 'fs';
import * as path from 'path';
import { CablegraphError } from '../common/diagnostics';
import { type Bookmark, BOOKMARK_KINDS, type BookmarkEvent } from '../model';
export { type Bookmark, BOOKMARK_KINDS, type BookmarkEvent, type BookmarkKind } from '../model';

/** The bookmarks file beside a curation file: `curation.jsonl` → `bookmarks.jsonl` in the same folder. */
export const bookmarksFileBeside = (curationFile: string): string =>
  path.join(path.dirname(curationFile), 'bookmarks.jsonl');

/** Reads every event (a missing file is empty); a bad line is an error naming file and line. */
export function readBookmarkEvents(file: string): BookmarkEvent[] {
  if (!fs.existsSync(file)) return [];
  const events: BookmarkEvent[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let event: BookmarkEvent;
      try {
        event = JSON.parse(line) as BookmarkEvent;
      } catch {
        throw new CablegraphError('BOOKMARKS_BAD_LINE', `${file}:${i + 1}: not a JSON object`);
      }
      if (
        (event.op !== 'set' && event.op !== 'remove') ||
        !BOOKMARK_KINDS.includes(event.kind) ||
        typeof event.id !== 'string'
      ) {
        throw new CablegraphError(
          'BOOKMARKS_BAD_LINE',
          `${file}:${i + 1}: not a bookmark event (op set|remove, kind entity|cable, id)`,
        );
      }
      events.push(event);
    });
  return events;
}

/** The bookmarks the events leave, most recently changed first. */
export function currentBookmarks(events: readonly BookmarkEvent[]): Bookmark[] {
  const byKey = new Map<string, Bookmark>();
  for (const e of events) {
    const key = `${e.kind}\u0000${e.id}`;
    if (e.op === 'remove') {
      byKey.delete(key);
      continue;
    }
    const before = byKey.get(key);
    byKey.delete(key);
    const bookmark: Bookmark = {
      kind: e.kind,
      id: e.id,
      author: e.author,
      created: before?.created ?? e.at,
      updated: e.at,
    };
    const label = e.label ?? before?.label;
    if (label !== undefined) bookmark.label = label;
    if (e.note !== undefined && e.note !== '') bookmark.note = e.note;
    byKey.set(key, bookmark);
  }
  return [...byKey.values()].reverse();
}

/** The file and its bookmarks; every change is one appended line. */
export class BookmarksFile {
  constructor(readonly file: string) {}

  list(): Bookmark[] {
    return currentBookmarks(readBookmarkEvents(this.file));
  }

  append(event: Omit<BookmarkEvent, 'seq' | 'at'>): Bookmark[] {
    const events = readBookmarkEvents(this.file);
    const full: BookmarkEvent = { seq: (events.at(-1)?.seq ?? 0) + 1, at: new Date().toISOString(), ...event };
    fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    fs.appendFileSync(this.file, `${JSON.stringify(full)}\n`);
    return currentBookmarks([...events, full]);
  }
}
