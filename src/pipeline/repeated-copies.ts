// Skips a second copy of a cable (same reference id, same or unknown release) before it is parsed.
import { createHash } from 'node:crypto';
import type { RawCable } from '../ingest/types';
import { canonicalCableId } from '../parse/ids';

/** A copy that was not parsed: the cable's id and where its first copy came from. */
export interface SkippedCopy {
  id: string;
  raw: RawCable;
  firstFile: string;
}

/**
 * The rule: a cable read again in the same run — the Cable Viewer page and the cables.csv row of
 * the same id, or one file given twice — is parsed once. A later copy is skipped when its container
 * names the same reference id, its header and text are those of a copy already read, and it has
 * either the same release date or none (cables.csv carries no release date, so its row is a copy
 * of the page, never a newer release). A copy with other text, or a release date not read yet, is
 * parsed: it may be a corrected release, and the build keeps the later one. Files are read side by
 * side, so copies arrive in any order: only identical copies are skipped, which keeps the graph
 * independent of that order.
 * Sources without a container id (plain text, markdown) always pass. Order: in a folder, files are
 * read sorted, so `cablegate/…` pages come before `cables-sample.csv`; a dump read before the
 * pages is parsed, and the pages too (dated releases are never dropped).
 */
export async function* skipRepeatedCopies(
  raws: AsyncIterable<RawCable>,
  onSkip: (skipped: SkippedCopy) => void,
): AsyncGenerator<RawCable> {
  const seen = new Map<string, { file: string; releases: Set<string>; texts: Set<string> }>();
  for await (const raw of raws) {
    const id = raw.metadata.referenceId ? canonicalCableId(raw.metadata.referenceId.trim()) : undefined;
    if (!id) {
      yield raw;
      continue;
    }
    const released = raw.metadata.released?.trim() || undefined;
    const text = createHash('sha1')
      .update(raw.header ?? '')
      .update('\0')
      .update(raw.body)
      .digest('base64');
    const first = seen.get(id);
    if (!first) {
      seen.set(id, { file: raw.source.file, releases: new Set(released ? [released] : []), texts: new Set([text]) });
      yield raw;
      continue;
    }
    if (first.texts.has(text) && (released === undefined || first.releases.has(released))) {
      onSkip({ id, raw, firstFile: first.file });
      continue;
    }
    if (released) first.releases.add(released);
    first.texts.add(text);
    yield raw;
  }
}
