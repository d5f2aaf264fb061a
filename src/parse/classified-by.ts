import type { ClassifiedBy } from './types';

const TITLE_WORDS = /\b(Ambassador|Charge|Chargé|Counselor|Councelor|Counsellor|Minister|Officer|Director|Secretary|Consul|Chief|Deputy|DCM|Head|Attache|Advisor|Adviser|Coordinator|Principal|Political|Economic|Acting|Assistant|Under|Section|Pol|Econ|PolOff|EconOff|Mission|General|Representative|Envoy|Amb|Ambassador|Poloff|Econoff|PolMinCouns|DAS|DCM|CDA|Charg|Attach[eé]|Dir|Couns|Chief|Office|Unit|Bureau|Embassy|Consulate|USEU|USNATO|USUN|EAP|EUR|NEA|SCA|WHA|AF|ISN|INR|PM|MTR|a\.i)\b/i;

/** Parses `Classified By: <title> <name>, reasons 1.4 (b) and (d).` and its variants. */
export function parseClassifiedBy(text: string): { value: ClassifiedBy; index: number } | undefined {
  const m = /\bClassified\s+By\s*:?\s*(?:Classified\s+By\s*:?\s*)?/i.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m.index + m[0].length, m.index + m[0].length + 500);
  const end = /\n\s*\n|(?:¶|\n)\s*1\s*\.(?!\d)|\s1\s?\.\s+\(|\bSUMMARY\b/i.exec(rest);
  if (end) rest = rest.slice(0, end.index);
  const full = `${m[0]}${rest}`.replace(/\s+/g, ' ').trim();
  // split statement from reasons
  const rm = /[,.;]?\s*(?:(?:for|per)\s+)?(?:r\s*e\s*a\s*s?\s*o\s*n\s*s?|REASON\(?S?\)?)\b\s*:?|\s+(?:per|under)\s+(?=(?:E\.?O\.?\s*12958\s*|Section\s+)?1\.[45])|[;,]\s*(?=E\.?\s?O\.?\s*12958)/i.exec(rest);
  const who0 = (rm ? rest.slice(0, rm.index) : rest.replace(/\b1\.[45].*$/s, '')).replace(/\s+/g, ' ').replace(/[,.;:\s]+$/, '').trim();
  const who = who0.split(/\s*;\s*/)[0].replace(/[,.;:\s]+$/, '');
  const reasonText = rm ? rest.slice(rm.index + rm[0].length) : (/\b1\.[45].*$/s.exec(rest)?.[0] ?? '');
  const reasons: string[] = [];
  const base = /1\.5/.test(reasonText) ? '1.5' : '1.4';
  const letters = reasonText.replace(/1\.[45]\s*/g, ' ').replace(/\band\b|&/gi, ',');
  for (const mm of letters.matchAll(/(?:^|[\s,(])\(?\s*([a-hA-H])\s*\)?(?=[\s,.;)]|$)/g)) {
    const r = `${base}(${mm[1].toLowerCase()})`;
    if (!reasons.includes(r)) reasons.push(r);
  }
  const value: ClassifiedBy = { reasons, text: full };
  // who: "Political Minister-Counselor Josiah Rosenblatt" | "Ramin Asgard, Director, Iran ..." | "Ambassador Craig Stapleton"
  if (who) {
    const comma = who.split(/\s*,\s*/);
    if (comma.length > 1 && !TITLE_WORDS.test(comma[0])) {
      value.name = comma[0];
      value.title = comma.slice(1).join(', ');
    } else {
      const first = comma[0];
      const nm = /((?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z]{2,}(?=\s[A-Z]))(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z][A-Za-z'’-]+|de|van|von|del|da|la|bin|al-[A-Za-z]+))*\s+[A-Z][A-Za-z'’-]+)\s*$/.exec(first);
      // names are the trailing capitalized words that are not title words
      const words = first.split(/\s+/);
      let i = words.length;
      const allCaps = first === first.toUpperCase();
      while (i > 0 && allCaps && words.length - i < 4 && /^[A-Z][A-Z'’.-]*$/.test(words[i - 1]) && !TITLE_WORDS.test(words[i - 1])) i--;
      while (!allCaps && i > 0 && /^[A-Z][A-Za-z'’.-]*$/.test(words[i - 1]) && !TITLE_WORDS.test(words[i - 1]) && !/^[A-Z]{2,}$/.test(words[i - 1]) && !/^[A-Z][a-z]+[A-Z]/.test(words[i - 1])) i--;
      if (i === words.length && nm) i = words.length - nm[1].split(/\s+/).length;
      const name = words.slice(i).join(' ');
      const title = words.slice(0, i).join(' ');
      if (name) value.name = name;
      const t2 = [title, ...comma.slice(1)].filter(Boolean).join(', ');
      if (t2) value.title = t2;
    }
  }
  return { value, index: m.index };
}
