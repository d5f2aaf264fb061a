// Bookmarks: the lines of the bookmarks file and a bookmark as it stands (server and viewer).

/** What can be bookmarked. */
export type BookmarkKind = 'entity' | 'cable';
export const BOOKMARK_KINDS: readonly BookmarkKind[] = ['entity', 'cable'];

/** One line of the file: a bookmark set (with its note) or taken away. Never rewritten, only appended. */
export interface BookmarkEvent {
  seq: number;
  at: string;
  author: string;
  op: 'set' | 'remove';
  kind: BookmarkKind;
  id: string;
  /** The entity's name or the cable's subject when bookmarked (the file reads on its own). */
  label?: string;
  note?: string;
}

/** A bookmark as it stands: the last `set` of its kind and id not followed by a `remove`. */
export interface Bookmark {
  kind: BookmarkKind;
  id: string;
  label?: string;
  note?: string;
  author: string;
  /** When first set, and when last changed. */
  created: string;
  updated: string;
}
