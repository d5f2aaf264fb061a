/** Canonical cable reference ids: `05PARIS77`. */
const POST_ALIASES: Record<string, string> = {
  SECSTATE: 'STATE', 'SECSTATE WASHDC': 'STATE', 'STATE WASHDC': 'STATE',
  'USUN NEW YORK': 'USUNNEWYORK', USUN: 'USUNNEWYORK', 'USUN NEWYORK': 'USUNNEWYORK',
  'RPO DUBAI': 'RPODUBAI', 'IRAN RPO DUBAI': 'RPODUBAI',
  'USEU BRUSSELS': 'USEUBRUSSELS', 'USNATO': 'USNATO', 'UNVIE VIENNA': 'UNVIEVIENNA',
  'US MISSION GENEVA': 'MISSIONGENEVA', 'USMISSION GENEVA': 'MISSIONGENEVA',
  'HONG KONG': 'HONGKONG', 'SAO PAULO': 'SAOPAULO', 'RIO DE JANEIRO': 'RIODEJANEIRO',
  'TEL AVIV': 'TELAVIV', 'NEW DELHI': 'NEWDELHI', 'ABU DHABI': 'ABUDHABI',
  'KUALA LUMPUR': 'KUALALUMPUR', 'BUENOS AIRES': 'BUENOSAIRES', 'MEXICO CITY': 'MEXICO',
  'PORT AU PRINCE': 'PORTAUPRINCE', 'ADDIS ABABA': 'ADDISABABA', 'DAR ES SALAAM': 'DARESSALAAM',
  'SANTO DOMINGO': 'SANTODOMINGO', 'SAN SALVADOR': 'SANSALVADOR', 'SAN JOSE': 'SANJOSE',
  'PANAMA CITY': 'PANAMA', 'GUATEMALA CITY': 'GUATEMALA', 'KUWAIT CITY': 'KUWAIT',
};

export function canonicalPost(post: string): string {
  const p = post.toUpperCase().replace(/\s+/g, ' ').trim();
  if (POST_ALIASES[p]) return POST_ALIASES[p];
  return p.replace(/[^A-Z]/g, '');
}

/** Two-digit year string for a full or two-digit year. */
export function yy(year: number | string): string {
  return String(year).slice(-2).padStart(2, '0');
}

/**
 * Canonicalizes an id written as `05PARIS77`, `05 PARIS 000077`, `PARIS 000077` (+defaultYear),
 * `usun new york 12`. Returns undefined when the text is not a cable id.
 */
export function canonicalCableId(text: string, defaultYear?: number | string): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ').toUpperCase();
  const m = /^(?:(\d{2}|\d{4})\s*)?([A-Z][A-Z .'-]*?[A-Z])\s*0*(\d{1,7})$/.exec(t);
  if (!m) return undefined;
  const year = m[1] ?? (defaultYear !== undefined ? String(defaultYear) : undefined);
  if (year === undefined) return undefined;
  const num = m[3].replace(/^0+(?=\d)/, '');
  if (num === '0') return undefined;
  return `${yy(year)}${canonicalPost(m[2])}${num}`;
}
