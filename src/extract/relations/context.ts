/** What the relation readers know about one cable: its sentences, home country, post, officers and people. */
import type { Cable } from '../../parse/types';
import { cableCountries } from '../../resolve';
import type { Mention } from '../types';
import { countryName, sentencesOf, type Sentence } from './text';
import type { PersonRef } from './types';

/** A resolved entity of the cable, as `cablegraph parse` lists them. */
export interface CableEntityRef { type: string; name: string; id: string; mentions: string[] }

export interface RelationContext {
  cable: Cable;
  sentences: Sentence[];
  persons: Mention[];
  organizations: Mention[];
  /** Country of the post that sent the cable (`France` for Embassy Paris), when known. */
  home?: string;
  /** The sending post, when it is an embassy, consulate or mission (its officers meet people). */
  post?: string;
  /** The cable's date, `YYYY-MM-DD`. */
  date?: string;
  personRef(m: Mention): PersonRef;
}

export function contextOf(cable: Cable, mentions: Mention[], entities: CableEntityRef[] = []): RelationContext {
  const bySurface = new Map<string, CableEntityRef>();
  for (const e of entities) if (e.type === 'PERSON') for (const s of e.mentions) bySurface.set(s, e);
  const persons = mentions.filter((m) => m.type === 'PERSON').sort((a, b) => a.start - b.start);
  const organizations = mentions.filter((m) => m.type === 'ORGANIZATION').sort((a, b) => a.start - b.start);
  const origin = cable.origin ?? cable.routing?.from?.name;
  const homeCode = cableCountries(cable)[0];
  return {
    cable,
    sentences: sentencesOf(cable),
    persons,
    organizations,
    home: homeCode ? countryName(homeCode) ?? homeCode : undefined,
    post: origin && /^(?:Embassy|Consulate|Mission|US Mission|USUN|US Office|American Embassy|U\.S\. Mission|USNATO|USEU|USOSCE)/i.test(origin) ? origin : undefined,
    date: cable.created?.slice(0, 10),
    personRef(m: Mention): PersonRef {
      const e = bySurface.get(m.text);
      return e ? { text: m.text, start: m.start, end: m.end, name: e.name, entityId: e.id } : { text: m.text, start: m.start, end: m.end };
    },
  };
}

/** The sentence holding `offset` (binary search over sorted, disjoint sentences). */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
