import { CoMentions, pairOrder } from '../../src/graph/co-mentions';
import { seededRandom } from '../../src/common/random';

// pairRows reuses its row object: each is copied as it comes.
const rows = (co: CoMentions) => {
  const out = [];
  for (const r of co.pairRows())
    out.push({ ...r, evidence: r.evidence.map((e) => ({ cable: e.cable, paragraphs: [...e.paragraphs] })) });
  return out;
};

describe('CoMentions', () => {
  // Entities 0, 1, 2 with ids in that order; cables 0 and 1.
  const make = (): CoMentions => {
    const co = new CoMentions(['a', 'b', 'c'], Int32Array.from([0, 1, 2]), 10);
    co.addWindow([0, 1], 10); // cable 0, paragraph 1
    co.addWindow([2, 1], 10); // cable 1, paragraph 2
    return co;
  };
  const dates = ['2008-01-02', '2007-05-06'];

  test('counting, then endCounting: the same rows, and counting again is refused', () => {
    const kept = make();
    const ended = make();
    for (const co of [kept, ended]) {
      co.count(0, [0, 1], [[1], [1, 3]], dates[0], dates);
      co.count(1, [1, 2, 0], [[2], [2], [4]], dates[1], dates);
    }
    ended.endCounting();
    expect(rows(ended)).toEqual(rows(kept));
    expect(rows(ended)).toEqual([
      {
        a: 0,
        b: 1,
        cableCount: 2,
        paragraphCount: 1,
        first: 1,
        last: 0,
        evidence: [
          { cable: 0, paragraphs: [1] },
          { cable: 1, paragraphs: [] },
        ],
      },
      { a: 1, b: 2, cableCount: 1, paragraphCount: 1, first: 1, last: 1, evidence: [{ cable: 1, paragraphs: [2] }] },
    ]);
    const weights: number[][] = [];
    ended.forEachWeight((a, b, w) => weights.push([a, b, w]));
    expect(weights).toEqual([
      [0, 1, 3],
      [1, 2, 2],
    ]);
    expect(() => ended.count(2, [0, 1], [[1], [1]], undefined, dates)).toThrow('count() after endCounting()');
  });

  test('an evidence filter: only the pairs it wants keep their evidence, every count stays exact (issue 22)', () => {
    const asked: string[][] = [];
    const filtered = new CoMentions(['a', 'b', 'c'], Int32Array.from([0, 1, 2]), 10, undefined, (ids) => {
      asked.push([...ids]);
      // the pair b–c, asked in either order
      return (x, y) => x + y === 3;
    });
    filtered.addWindow([0, 1], 10);
    filtered.addWindow([2, 1], 10);
    const all = make();
    for (const co of [filtered, all]) {
      co.count(0, [0, 1], [[1], [1, 3]], dates[0], dates);
      co.count(1, [1, 2, 0], [[2], [2], [4]], dates[1], dates);
    }
    expect(asked).toEqual([['a', 'b', 'c']]);
    const [ab, bc] = rows(filtered);
    expect(ab).toEqual({ ...rows(all)[0], evidence: [] });
    expect(bc).toEqual(rows(all)[1]);
    expect(bc.evidence).toEqual([{ cable: 1, paragraphs: [2] }]);
  });

  test('endCounting before any cable was counted: every pair at zero', () => {
    const co = make();
    co.endCounting();
    expect(rows(co).map((r) => [r.a, r.b, r.cableCount, r.evidence.length])).toEqual([
      [0, 1, 0, 0],
      [1, 2, 0, 0],
    ]);
  });
});

describe('pairOrder', () => {
  test("sorts pairs by their first then second end's rank, as a comparator sort does", () => {
    const random = seededRandom(7);
    const entities = 50;
    // ranks: a shuffled permutation (entity index → position in id order)
    const rank = Int32Array.from({ length: entities }, (_, i) => i);
    for (let i = entities - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [rank[i], rank[j]] = [rank[j], rank[i]];
    }
    const seen = new Set<string>();
    const a: number[] = [];
    const b: number[] = [];
    while (a.length < 400) {
      const x = Math.floor(random() * entities);
      const y = Math.floor(random() * entities);
      if (x === y || seen.has(`${x},${y}`) || seen.has(`${y},${x}`)) continue;
      seen.add(`${x},${y}`);
      // (as addWindow keeps them: the end with the smaller rank first)
      a.push(rank[x] < rank[y] ? x : y);
      b.push(rank[x] < rank[y] ? y : x);
    }
    const A = Int32Array.from(a);
    const B = Int32Array.from(b);
    const expected = Array.from({ length: a.length }, (_, i) => i).sort(
      (x, y) => rank[A[x]] - rank[A[y]] || rank[B[x]] - rank[B[y]],
    );
    expect([...pairOrder(A, B, rank)]).toEqual(expected);
    // a scratch array given is used, and changes nothing
    expect([...pairOrder(A, B, rank, new Int32Array(a.length).fill(99))]).toEqual(expected);
    expect(expected.slice(0, 3)).not.toEqual([0, 1, 2]);
  });

  test('no pairs, one pair, and ranks shared by several entities (a stable order, as the comparator sort gave)', () => {
    const none = new Int32Array(0);
    expect([...pairOrder(none, none, Int32Array.from([0, 1]))]).toEqual([]);
    expect([...pairOrder(Int32Array.from([1]), Int32Array.from([0]), Int32Array.from([1, 0]))]).toEqual([0]);
    // entities 0 and 1 share rank 0, 2 and 3 rank 1: pairs tie and keep their discovery order
    const rank = Int32Array.from([0, 0, 1, 1]);
    const A = Int32Array.from([2, 0, 1, 0, 1]);
    const B = Int32Array.from([3, 2, 3, 1, 0]);
    expect([...pairOrder(A, B, rank)]).toEqual([3, 4, 1, 2, 0]);
  });

  test('a rank outside 0 … rank.length-1 is refused, not sorted into a wrong order', () => {
    const A = Int32Array.from([0, 1]);
    const B = Int32Array.from([1, 2]);
    // (the order's slots those pairs would take are never written: a silent 0, another pair's index)
    expect(() => pairOrder(A, B, Int32Array.from([0, 1, 7]))).toThrow(RangeError);
    expect(() => pairOrder(A, B, Int32Array.from([0, -1, 2]))).toThrow(RangeError);
    // (an entity the ranks do not cover)
    expect(() => pairOrder(A, B, Int32Array.from([0, 1]))).toThrow(RangeError);
  });
});

describe('CoMentions without pairs', () => {
  test('no window with two entities: counting and endCounting give no rows, and entities without pairs count nothing', () => {
    const co = new CoMentions(['a', 'b', 'c'], Int32Array.from([2, 0, 1]), 10);
    co.addWindow([1], 10);
    co.addWindow([], 10);
    expect(co.size).toBe(0);
    co.count(0, [1, 2], [[1], [1]], '2008-01-02', ['2008-01-02']);
    co.endCounting();
    expect([...co.pairRows()]).toEqual([]);
    const weights: number[][] = [];
    co.forEachWeight((a, b, w) => weights.push([a, b, w]));
    expect(weights).toEqual([]);
  });
});

describe('CoMentions against a plain count', () => {
  // Cables of random entities with random paragraphs; entity 0 is a hub in most of them, so that
  // both ways of finding a cable's pairs (reading an entity's pairs, searching them) are taken.
  test('counts, shared paragraphs, first and last cable and the capped evidence of every pair, in edge order', () => {
    const random = seededRandom(11);
    const entities = 120;
    const ids = Array.from({ length: entities }, (_, i) => `e${String(i).padStart(3, '0')}`);
    // ranks shuffled, the hub's the first (all its pairs are found from it)
    const rank = Int32Array.from({ length: entities }, (_, i) => i);
    for (let i = entities - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [rank[i], rank[j]] = [rank[j], rank[i]];
    }
    const first = rank.indexOf(0);
    [rank[0], rank[first]] = [0, rank[0]];
    const maxEvidence = 3;
    const cables: Array<{ entities: number[]; paragraphs: number[][]; date: string | undefined }> = [];
    for (let c = 0; c < 300; c += 1) {
      const chosen = new Set<number>(random() < 0.8 ? [0] : []);
      const size = 1 + Math.floor(random() * (random() < 0.1 ? 40 : 6));
      while (chosen.size < size) chosen.add(Math.floor(random() * entities));
      const list = [...chosen];
      const paragraphs = list.map(() =>
        [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * 6)))].sort(
          (x, y) => x - y,
        ),
      );
      const date =
        random() < 0.9 ? `200${Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-1${c % 10}` : undefined;
      cables.push({ entities: list, paragraphs, date });
    }
    const dates = cables.map((c) => c.date);
    const co = new CoMentions(ids, rank, maxEvidence);
    const known = new Set<string>();
    const key = (x: number, y: number) => (x < y ? `${x},${y}` : `${y},${x}`);
    for (const cable of cables) {
      // windows: the cable's entities in order, pairs at most 4 apart (not every pair of a cable is known)
      co.addWindow(cable.entities, 4);
      for (let x = 0; x < cable.entities.length; x += 1)
        for (let y = x + 1; y < cable.entities.length && y <= x + 4; y += 1)
          known.add(key(cable.entities[x], cable.entities[y]));
    }
    cables.forEach((cable, i) => co.count(i, cable.entities, cable.paragraphs, cable.date, dates));

    const expected = [...known]
      .map((k) => k.split(',').map(Number))
      .map(([x, y]) => (rank[x] < rank[y] ? [x, y] : [y, x]))
      .map(([a, b]) => {
        let cableCount = 0;
        let paragraphCount = 0;
        let first = -1;
        let last = -1;
        const evidence: Array<{ cable: number; paragraphs: number[] }> = [];
        cables.forEach((cable, i) => {
          const x = cable.entities.indexOf(a);
          const y = cable.entities.indexOf(b);
          if (x < 0 || y < 0) return;
          const shared = cable.paragraphs[x].filter((p) => cable.paragraphs[y].includes(p));
          cableCount += 1;
          paragraphCount += shared.length;
          if (evidence.length < maxEvidence) evidence.push({ cable: i, paragraphs: shared });
          if (cable.date === undefined) return;
          if (first < 0 || cable.date < dates[first]!) first = i;
          if (last < 0 || cable.date > dates[last]!) last = i;
        });
        return { a, b, cableCount, paragraphCount, first, last, evidence };
      });
    const got = rows(co);
    // (the reference is in no order: compare by the pair's ends)
    const byEnds = (r: { a: number; b: number }) => key(r.a, r.b);
    expect(got.length).toBe(expected.length);
    expect(new Map(got.map((r) => [byEnds(r), r]))).toEqual(new Map(expected.map((r) => [byEnds(r), r])));
    // edge order: by the first end's rank, then the second's
    for (let k = 1; k < got.length; k += 1) {
      const before = [rank[got[k - 1].a], rank[got[k - 1].b]];
      const now = [rank[got[k].a], rank[got[k].b]];
      expect(before[0] < now[0] || (before[0] === now[0] && before[1] <= now[1])).toBe(true);
    }
    // the hub's pairs were many: the searching way was taken
    expect(got.filter((r) => r.a === 0).length).toBeGreaterThan(48);
    expect(got.some((r) => r.cableCount > maxEvidence && r.evidence.length === maxEvidence)).toBe(true);
  });
});

test('CoMentions refuses ranks that are not a permutation of its entities', () => {
  expect(() => new CoMentions(['a', 'b', 'c'], Int32Array.from([0, 1, 1]), 10)).toThrow(RangeError);
  expect(() => new CoMentions(['a', 'b'], Int32Array.from([0, 2]), 10)).toThrow(RangeError);
  expect(() => new CoMentions(['a', 'b'], Int32Array.from([1, 0]), 10)).not.toThrow();
});
