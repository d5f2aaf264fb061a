// The "Classified By" line: the classifier's name, title and reasons.
import type { ClassifiedBy } from './types';

const TITLE_WORDS =
  /\b(Ambassador|Charge|Chargé|Counselor|Councelor|Counsellor|Minister|Officer|Director|Secretary|Consul|Chief|Deputy|DCM|Head|Attache|Advisor|Adviser|Coordinator|Principal|Political|Economic|Acting|Assistant|Under|Section|Pol|Econ|PolOff|EconOff|Mission|General|Representative|Envoy|Amb|Ambassador|Poloff|Econoff|PolMinCouns|DAS|DCM|CDA|Charg|Attach[eé]|Dir|Couns|Chief|Office|Unit|Bureau|Embassy|Consulate|USEU|USNATO|USUN|EAP|EUR|NEA|SCA|WHA|AF|ISN|INR|PM|MTR|a\.i|Affaires|d'Affaires|ai|MC|ASD|ISA|PolMC|Econ|Interagency|Provincial|Affairs|Adviser|Senior|Special)\b/i;

/** Lower-case words that stand between capitalised words of a name or title without being a broken word. */
const NAME_PARTICLES =
  /^(?:de|van|von|del|da|la|le|bin|al|der|den|du|di|dos|das|y|e|for|and|of|the|to|in|on|at|by|per|a|an|or|ad|fo|fr|reasons?|jr|sr)$/;

/** Parses `Classified By: <title> <name>, reasons 1.4 (b) and (d).` and its variants. */
export function parseClassifiedBy(text: string): { value: ClassifiedBy; index: number } | undefined {
  const m = /\bClassified\s+By\s*:?\s*(?:Classified\s+By\s*:?\s*)?/i.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m.index + m[0].length, m.index + m[0].length + 500);
  const end =
    /\n\s*\n|(?:¶|\n)\s*1\s*\.(?!\d)|\s1\s?\.\s+\(|\s[1-9]\d?\s?\.\s+\((?:U|C|S|SBU|TS|S\/NF|C\/NF)\)|\bSUMMARY\b/i.exec(
      rest,
    );
  if (end) rest = rest.slice(0, end.index);
  const full = `${m[0]}${rest}`.replace(/\s+/g, ' ').trim();
  // split statement from reasons
  const rm =
    /[,.;]?\s*-?\s*(?:(?:for|per|fo|fr)\s+)?(?:E\.?\s?O\.?\s*12958\s*)?(?:r\s*e\s*a\s*s?\s*o\s*n\s*s?|REASON\(?S?\)?)\b\s*:?|\s+(?:per|under|for)\s+(?=(?:E\.?O\.?\s*12958\s*|Section\s+)?1\s*\.\s*[45])|[;,]\s*(?=(?:E\.?\s?O\.?\s*12958|1\s*\.\s*[45]\b))/i.exec(
      rest,
    );
  // names broken by the page's line wrapping: `Andrew Y oung`, `Charge D’ Affaires`
  const who0 = (rm ? rest.slice(0, rm.index) : rest.replace(/\b1\s*\.\s*[45].*$/s, ''))
    .replace(/\s+/g, ' ')
    .replace(/\bd,(?=Affaires)/gi, (d) => `${d[0]}'`)
    .replace(/;(?=[A-Z])/g, ' ')
    .replace(/\b([A-Z]) ([a-z]{2,})\b(?![.'’,])/g, '$1$2')
    .replace(/\b([A-Z][a-z]+) ([a-z]{1,6})\b(?![.'’,])/g, (m0, a: string, b: string) =>
      NAME_PARTICLES.test(b) ? m0 : a + b,
    )
    .replace(/\b([dD])(['’]) (?=[A-Z])/g, '$1$2')
    .replace(/[,.;:\s-]+$/, '')
    .replace(/\.\.\.$/, '')
    .trim();
  const who = who0.split(/\s*;\s*/)[0].replace(/[,.;:\s]+$/, '');
  // the reasons are the letters after 1.4 / 1.5, up to the end of that sentence
  const reasonText = (rm ? rest.slice(rm.index + rm[0].length) : (/\b1\s*\.\s*[45].*$/s.exec(rest)?.[0] ?? ''))
    .replace(/\b(a)\s+(nd)\b/gi, '$1$2')
    .slice(0, 80)
    .replace(/(?:\)\s*\.?|[a-h]\s*\.)\s+(?=[A-Z][a-z]|\d{1,2}\s?\.\s)\S.*$|\s[1-9]\d?\s?\.\s+\S.*$/s, (m0) =>
      m0.replace(/\s+\S.*$/s, ''),
    );
  const reasons: string[] = [];
  const base = /1\s*\.\s*5/.test(reasonText) ? '1.5' : '1.4';
  // `(b) and (d)`, `(b/d)`, `(b+d)`, `b, d`, `(B & D)`, `(b)(d)`
  const letters = reasonText
    .replace(/1\s*\.\s*[45]\s*/g, ' ')
    .replace(/\)\s*\(/g, ') (')
    .replace(/\(?\b([a-h])\)?\s*-\s*\(?([a-h])\b\)?/gi, (_m, a: string, b: string) => {
      // `(b-d)`: b, c and d
      const from = a.toLowerCase().charCodeAt(0),
        to = b.toLowerCase().charCodeAt(0);
      return to > from && to - from < 7
        ? Array.from({ length: to - from + 1 }, (_x, k) => String.fromCharCode(from + k)).join(',')
        : `${a},${b}`;
    })
    .replace(/\band\b|&|\/|\+/gi, ',');
  for (const mm of letters.matchAll(/(?:^|[\s,(])\(?\s*([a-hA-H])\s*\)?(?=[\s,.;)]|$)/g)) {
    const r = `${base}(${mm[1].toLowerCase()})`;
    if (!reasons.includes(r)) reasons.push(r);
  }
  const value: ClassifiedBy = { reasons, text: full };
  // who: "Political Minister-Counselor Josiah Rosenblatt" | "Ramin Asgard, Director, Iran ..." | "Ambassador Craig Stapleton"
  if (who) {
    let comma = who.split(/\s*,\s*/);
    // `Charge d'Affaires, a.i., Dan Piccuta`: the name is the segment without title words
    const NAME_SEGMENT =
      /^(?:[A-Z][a-z'’-]+|[A-Z][A-Z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z][A-Z'’-]+|[A-Z]\.\s?[A-Z][A-Za-z'’-]+|[A-Z]\.|(?:Mc|Mac|Le|La|De|Di|Du|O')[A-Z][a-z]+))+$/;
    const named = comma.findIndex(
      (c, i) =>
        i > 0 &&
        NAME_SEGMENT.test(c.replace(/^a\.?\s?i\.?\s+/i, '')) &&
        !TITLE_WORDS.test(c.replace(/^a\.?\s?i\.?\s+/i, '')),
    );
    if (named > 0 && comma.slice(0, named).every((c) => TITLE_WORDS.test(c) || /^a\.?i\.?$/i.test(c))) {
      const ai = /^a\.?\s?i\.?(?=\s)/i.exec(comma[named]);
      const before = [...comma.slice(0, named), ...(ai ? [ai[0]] : [])];
      comma = [comma[named].slice(ai ? ai[0].length : 0).trim(), ...before, ...comma.slice(named + 1)];
    }
    if (comma.length > 1 && !TITLE_WORDS.test(comma[0])) {
      value.name = comma[0];
      value.title = comma.slice(1).join(', ');
    } else {
      const first = comma[0];
      const nm =
        /((?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z]{2,}(?=\s[A-Z]))(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z][A-Za-z'’-]+|de|van|von|del|da|la|bin|al-[A-Za-z]+))*\s+[A-Z][A-Za-z'’-]+)\s*$/.exec(
          first,
        );
      // names are the trailing capitalized words that are not title words
      const words = first.split(/\s+/);
      let i = words.length;
      const allCaps = first === first.toUpperCase();
      while (
        i > 0 &&
        allCaps &&
        words.length - i < 4 &&
        /^[A-Z][A-Z'’.-]*$/.test(words[i - 1]) &&
        !TITLE_WORDS.test(words[i - 1])
      )
        i--;
      while (
        !allCaps &&
        i > 0 &&
        /^[A-Z][A-Za-z'’.-]*$/.test(words[i - 1]) &&
        !TITLE_WORDS.test(words[i - 1]) &&
        !/^[A-Z]{2,}$/.test(words[i - 1]) &&
        !/^(?!Mc|Mac|Le|La|De|Di|Du|Van)[A-Z][a-z]+[A-Z]/.test(words[i - 1])
      )
        i--;
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
