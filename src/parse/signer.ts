// The signature: who signed a cable, from the lines after its last paragraph.
const NOT_SIGNER =
  /^(?:NNNN|BT|END\s+TEXT|END\s+(?:SUMMARY|COMMENT)|SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\b.*|SENSITIVE.*|FOR OFFICIAL USE ONLY|PAGE \d+.*|XMT.*|#\d+|LIMITED OFFICIAL USE|ADP\d*|.*\d{3,}.*)$/i;

function cleanLine(l: string): string {
  return l.replace(/\s+/g, ' ').trim();
}

/** Leading phrases that end the text before a signature on the same line. */
const LEAD =
  /^.*\b(?:END\s+TEXT|END\s+TALKING\s+POINTS|END\s+QUOTE|UNQUOTE|MINIMIZE\s+CONSIDERED|END\s+COMMENT|END\s+SUMMARY)\s*\.?\s+/i;
/** Lines appended after the cable by the web site or scanners (not part of the cable). */
const JUNK =
  /^(?:>+|\.+|.*\.\.\.$|.*@.*|SELECT\s.*|Declassified\/Released.*|Systematic Review.*|End Cable Text|[*\s]+|-+|["“]?Visit .*Web ?Site(?: at)?(?: \S*)?|.*gov\.gov\/wiki\/\S*|.*Portal:\w+["”]?|.*\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}.*|.*From DB\/Inbox.*)$/i;
/** Suffixes that belong to the name before them (`TIMKEN JR`). */
const SUFFIX = /^(?:JR|SR|II|III)\.?$/i;
/** Short all-caps words at the end of a sentence that are abbreviations, not a signer. */
const NOT_SHORT_NAME =
  /^(?:US|UN|EU|UK|OK|NO|GO|IT|AN|AS|AT|BE|BY|DO|IF|IN|IS|ME|MY|OF|ON|OR|SO|TO|UP|WE|PM|AM|FM|DC|TV|ID)$/;

/** Does a short trailing text look like one or two signature names? */
function asSigners(s: string): string[] | undefined {
  const t = s
    .replace(LEAD, '')
    .replace(/[.,;]+$/, '')
    .trim();
  if (!t || t.length > 40 || NOT_SIGNER.test(t)) return undefined;
  const words = t.split(/\s+/);
  if (!words.every((w) => /^[A-Z][A-Za-z'’.-]*$/.test(w))) return undefined;
  const upper = t === t.toUpperCase();
  if (words.length > 2) return undefined;
  if (words.length === 2 && SUFFIX.test(words[1])) return [words[0]]; // the signer is the surname: `TIMKEN JR` → TIMKEN
  if (upper && words.length === 2) return [...new Set(words)];
  if (!upper && words.length === 2 && !/^[A-Z][a-z]+$/.test(words[1])) return undefined;
  return [t];
}

/** Closing signature line(s) at the end of the body. */
export function parseSigners(text: string): string[] {
  // Only the end of the cable can hold the signature: clean its last lines, not the whole text.
  // a date after the name (`KUBISKE 2009-12-31`) is not part of it
  // (only the last lines matter: blank lines and the site's junk lines are few)
  const lines = text
    .slice(-4000)
    .split('\n')
    .slice(-40)
    .map((l) => {
      const c = cleanLine(l);
      return /\d{4}-\d{2}-\d{2}$/.test(c.slice(-10)) ? c.replace(/\s+\d{4}-\d{2}-\d{2}$/, '') : c;
    })
    .filter(Boolean);
  // drop trailing classification / NNNN lines and site junk
  for (let k = 0; k < 4 && lines.length; k++) {
    const l = lines[lines.length - 1];
    if (((NOT_SIGNER.test(l) && l.length < 60) || JUNK.test(l)) && !/\bOF\s+\d{3}\s+[A-Z][A-Z'’-]{2,}$/.test(l))
      lines.pop();
    else break;
  }
  if (!lines.length) return [];
  const last = lines[lines.length - 1];
  // lower-case name after the classified-website asterisk line: "****\njones"; "Timken jr"
  if (lines.length > 1 && /^\*{5,}/.test(lines[lines.length - 2]) && /^[a-z][a-z'-]{2,}$/.test(last)) return [last];
  const jr = /^([A-Z][a-z]+) jr\.?$/.exec(last);
  if (jr) return [jr[1]];
  // the name written twice, the second time in lower case: `Huntsman` / `huntsman`
  if (
    lines.length > 1 &&
    last.toLowerCase() === lines[lines.length - 2].toLowerCase() &&
    /^[A-Z][a-z'-]+$/.test(lines[lines.length - 2])
  )
    return [lines[lines.length - 2]];
  // a lone lower-case surname after the closing sentence: `END COMMENT` / `curran`
  if (
    lines.length > 1 &&
    /^[a-z][a-z'-]{2,15}$/.test(last) &&
    !/^(?:regards|thanks|end|comment|text|minimize|sipdis|noforn|unquote|quote|nnnn|bt)$/.test(last) &&
    /(?:[.!?"'”)]|END COMMENT|END SUMMARY)\s*$/i.test(lines[lines.length - 2])
  )
    return [last];
  const own = asSigners(last);
  if (own) return own;
  // signer glued to the end of the last sentence (one-line bodies): "... index.c fm PEKALA", "... warranted. McMullen"
  const m = /(?:[.!?"'”)*]|\bc?fm|\bUnit\s?ed_Kingdom|\/)\s+([A-Z][A-Za-z'’-]{2,}(?:\s+[A-Z][A-Z'’-]{2,})?)\s*$/.exec(
    last,
  );
  if (m) {
    const s = asSigners(m[1]);
    if (s && !/^(?:End|Comment|Summary|Thanks|Regards)$/i.test(s[0])) return s;
  }
  // an all-caps signer glued after a page header, a number or a full stop: `002 OF 002 HEARNE`, `14 EIKENBERRY`, `.FARRAR`, `innuendo. LU`
  const g = /(?:\bOF\s+\d{3}|\d|[.!?"”])\s*([A-Z][A-Z'’-]+)\s*$/.exec(last);
  if (
    g &&
    (g[1].length >= 4 || (g[1].length >= 2 && /[.!?"”]\s+[A-Z]+\s*$/.test(last) && !NOT_SHORT_NAME.test(g[1]))) &&
    !NOT_SIGNER.test(g[1]) &&
    !/^(?:END|COMMENT|SUMMARY|NOTE|TEXT|QUOTE|UNQUOTE|NOFORN|SIPDIS|EXDIS|NODIS|LIMDIS|FOUO|SBU|BT|NNNN|PARA|REF|REFTEL|GOI|GOP|USG|MFA|TBD|OK|II|III|IV)$/.test(
      g[1],
    )
  )
    return [g[1]];
  return [];
}
