import { CoMentions, pairOrder } from '../../src/graph/co-mentions';
import { seededRandom } from '../../src/common/random';

describe('CoMentions', () => {
  // Entities 0, 1, 2 with ids in that order; cables 0 and 1.
  const make = (): CoMentions => {
    const co = new CoMentions(['a', 'b', 'c'], Int32Array.from([0, 1, 2]), 10);
    co.addWindow([0, 1], 10); // cable 0, paragraph 1
    co.addWindow([2, 1], 10); // cable 1, paragraph 2
    return co;
  };
  const dates = ['2008-01-02', '2007-05-06'];
  // pairRows reuses its row object: each is copied as it comes.
  const rows = (co: CoMentions) => {
    const out = [];
    for (const r of co.pairRows())
      out.push({ ...r, evidence: r.evidence.map((e) => ({ cable: e.cable, paragraphs: [...e.paragraphs] })) });
    return out;
  };

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
