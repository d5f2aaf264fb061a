// How words are written in the corpus's running text (a tagger feature), learnt by scripts/ner/case-prior.js.
/**
 * The case class of a word in the running text of the unlabelled corpus: always lower case
 * ("meets"), mostly lower, mostly capitalized, always capitalized ("Kouchner"). An all-caps cable
 * or subject line hides the case of its words; the corpus tells it. Read from case-prior.json.gz
 * beside this file on first use (`scripts/ner/case-prior.js` writes it; the build copies it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { CablegraphError } from '../../common/diagnostics';

export const CASE_CLASSES = ['lower', 'mostlyLower', 'mostlyCapitalized', 'capitalized'] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];

/** The class of a word seen `capitalized` times capitalized and `lower` times in lower case. */
export function caseClassOf(capitalized: number, lower: number): CaseClass {
  const share = capitalized / (capitalized + lower);
  return share < 0.05 ? 'lower' : share < 0.5 ? 'mostlyLower' : share < 0.95 ? 'mostlyCapitalized' : 'capitalized';
}

export const CASE_PRIOR_FILE = path.join(__dirname, 'case-prior.json.gz');

let table: Map<string, number> | undefined;
/** The class of a lower-case word as a number: 0 unseen (or rare), then 1 + its index in `CASE_CLASSES`. */
export function casePrior(lower: string): number {
  table ??= readCasePrior(CASE_PRIOR_FILE);
  return table.get(lower) ?? 0;
}

function readCasePrior(file: string): Map<string, number> {
  let body: { classes: Record<string, string> };
  try {
    body = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as typeof body;
  } catch (cause) {
    throw new CablegraphError(
      'EXTRACTOR_UNAVAILABLE',
      `${file}: the tagger's case classes are missing or damaged (write them with node scripts/ner/case-prior.js)`,
      { cause },
    );
  }
  const out = new Map<string, number>();
  CASE_CLASSES.forEach((k, i) => {
    for (const word of (body.classes[k] ?? '').split(' ')) if (word) out.set(word, i + 1);
  });
  return out;
}
