'use strict';
// How the relation scripts match what the reader read against the annotations: names folded, a
// person matched by full name or the name the text calls them by, officers by their folded role.
// One module for eval-relations.js, relations/meet-ml.js and relations/meet-misses.js, so that
// their figures are the same matching's.

/** The development sets' folders under scripts/relations (held-out apart: it is for measuring only). */
const DEV_SET_DIRS = {
  dev: 'annotations',
  dev2: 'dev2',
  dev3: 'dev3',
  dev4: 'dev4',
  dev5: 'dev5',
  dev6: 'dev6',
  dev7: 'dev7',
  dev8: 'dev8',
  dev9: 'dev9',
  dev10: 'dev10',
  dev11: 'dev11',
  dev12: 'dev12',
  dev13: 'dev13',
  dev14: 'dev14',
};

/** Lower case, no diacritics or punctuation, single spaces. */
const fold = (s) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const lastWord = (s) => fold(s).split(' ').pop();

/** Whether a read name and an annotated one are the same person. */
function samePerson(sys, gold) {
  const s = fold(sys);
  const g = fold(gold);
  // a one-word annotation is the name the text calls the person by, e.g. "Turki" for Prince Turki Al-Kabeer
  return (
    s === g ||
    s.endsWith(` ${g}`) ||
    g.endsWith(` ${s}`) ||
    lastWord(s) === lastWord(g) ||
    (!g.includes(' ') && s.split(' ').includes(g))
  );
}

/** A meeting party as the annotations write it: `officer:<role>` or the person's name. */
const partyKey = (p) => (p.kind === 'officer' ? `officer:${fold(p.role)}` : (p.name ?? p.text));

function sameParty(sys, gold) {
  if (gold.startsWith('officer:') || sys.startsWith('officer:')) return fold(sys) === fold(gold);
  return samePerson(sys, gold);
}

/** Greedy one-to-one matching; returns the number of matched pairs and the unmatched items of each side. */
function match(system, gold, eq) {
  const used = new Set();
  const fp = [];
  let tp = 0;
  for (const s of system) {
    const j = gold.findIndex((g, k) => !used.has(k) && eq(s, g));
    if (j >= 0) {
      used.add(j);
      tp += 1;
    } else fp.push(s);
  }
  return { tp, fp, fn: gold.filter((_, k) => !used.has(k)) };
}

module.exports = { DEV_SET_DIRS, fold, lastWord, samePerson, partyKey, sameParty, match };
