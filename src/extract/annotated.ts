// The `annotated` extractor: mentions an upstream tagger bracketed in the text (`[PER …]`).
import type { Cable } from '../parse/types';
import { paragraphAt } from './util';
import type { Extractor } from './types';
import type { EntityType, Mention } from '../model';

const TYPE_MAP: Record<string, EntityType | undefined> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE' };
/** Header words an upstream tagger marked as entities by mistake (`[LOC DECL: ]`). */
const HEADER_JUNK = /^(DECL|E\.?O\.?|TAGS|SUBJECT|REF|SIPDIS|NOFORN|CONFIDENTIAL|SECRET|UNCLASSIFIED)\b/i;

/** Passes through the bracket annotations of annotated inputs; MISC (nationalities) is dropped. */
export class AnnotatedExtractor implements Extractor {
  readonly name = 'annotated';
  async extract(cables: Cable[]): Promise<Mention[][]> {
    return cables.map((cable) => {
      const out: Mention[] = [];
      for (const a of cable.annotations ?? []) {
        const type = TYPE_MAP[a.type];
        if (!type) continue;
        let { start, end } = a;
        // trim whitespace and trailing punctuation so the surface is clean
        while (start < end && /[\s"'(]/.test(cable.text[start])) start++;
        while (end > start && /[\s"'),.:;]/.test(cable.text[end - 1])) end--;
        if (end <= start) continue;
        const text = cable.text.slice(start, end);
        if (HEADER_JUNK.test(text)) continue;
        const m: Mention = { type, text, start, end };
        const p = paragraphAt(cable, start);
        if (p !== undefined) m.paragraph = p;
        out.push(m);
      }
      return out.sort((x, y) => x.start - y.start);
    });
  }
}
