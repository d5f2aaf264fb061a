/**
 * Entity-level scoring shared by scripts/eval-entities.js and scripts/ner/train.js: a predicted
 * entity matches a gold one of the same type (typed) or any type (untyped) when its name or one of
 * its mentions equals the gold name or one of the gold mentions after folding case, diacritics,
 * punctuation and titles; one-to-one, per cable.
 */
'use strict';
const TYPES = ['PERSON', 'ORGANIZATION', 'PLACE'];

function scorer(stripTitles) {
  const norm = (s) =>
    stripTitles(
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[’']s\b/g, ''),
    )
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const keys = (e) => new Set([e.name, ...e.mentions].map(norm).filter(Boolean));
  const stats = { typed: {}, untyped: {} };
  for (const mode of ['typed', 'untyped'])
    for (const t of [...TYPES, 'ALL']) stats[mode][t] = { tp: 0, pred: 0, gold: 0 };
  const errors = [];
  return {
    stats,
    errors,
    /** Scores one cable: `pred` resolved entities, `gold` annotated entities ({type, name, mentions}). */
    add(id, pred, gold) {
      for (const mode of ['typed', 'untyped']) {
        const used = new Set();
        const goldHit = new Set();
        gold.forEach((g, gi) => {
          const gk = keys(g);
          const pi = pred.findIndex(
            (p, k) => !used.has(k) && (mode === 'untyped' || p.type === g.type) && [...keys(p)].some((x) => gk.has(x)),
          );
          if (pi >= 0) {
            used.add(pi);
            goldHit.add(gi);
          }
        });
        for (const t of TYPES) {
          const s = stats[mode][t];
          s.gold += gold.filter((g) => g.type === t).length;
          s.pred += pred.filter((p) => p.type === t).length;
          s.tp +=
            mode === 'typed'
              ? [...used].filter((k) => pred[k].type === t).length
              : [...goldHit].filter((k) => gold[k].type === t).length;
        }
        if (mode === 'typed') {
          gold.forEach((g, gi) => {
            if (!goldHit.has(gi)) errors.push(`${id}\tFN\t${g.type}\t${g.name}\t${g.mentions.join(' | ')}`);
          });
          pred.forEach((p, k) => {
            if (!used.has(k)) errors.push(`${id}\tFP\t${p.type}\t${p.name}\t${p.mentions.join(' | ')}`);
          });
        }
      }
    },
    /** The markdown table (per type and all). */
    table() {
      const all = {};
      for (const mode of ['typed', 'untyped']) {
        all[mode] = { tp: 0, pred: 0, gold: 0 };
        for (const t of TYPES) for (const f of ['tp', 'pred', 'gold']) all[mode][f] += stats[mode][t][f];
        stats[mode].ALL = all[mode];
      }
      const prf = (s) => {
        const p = s.pred ? s.tp / s.pred : 0;
        const r = s.gold ? s.tp / s.gold : 0;
        return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
      };
      const f3 = (x) => x.toFixed(3);
      const lines = [
        '| type | typed P | typed R | typed F1 | untyped P | untyped R | untyped F1 | gold | pred |',
        '|---|---|---|---|---|---|---|---|---|',
      ];
      for (const t of [...TYPES, 'ALL']) {
        const a = prf(stats.typed[t]);
        const b = prf(stats.untyped[t]);
        lines.push(
          `| ${t} | ${a.map(f3).join(' | ')} | ${b.map(f3).join(' | ')} | ${stats.typed[t].gold} | ${stats.typed[t].pred} |`,
        );
      }
      return lines.join('\n');
    },
  };
}
module.exports = { scorer, TYPES };
