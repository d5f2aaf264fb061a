import { PairIndex } from '../../src/graph/pair-index';
import { seededRandom } from '../../src/common/random';

describe('PairIndex', () => {
  test('pairs either way round are one, numbered in order of discovery, found again after the table grew', () => {
    const random = seededRandom(9);
    const index = new PairIndex();
    const known = new Map<string, number>();
    const added: number[] = [];
    const expected: number[] = [];
    for (let k = 0; k < 20_000; k += 1) {
      const x = Math.floor(random() * 300);
      const y = Math.floor(random() * 300);
      const key = x < y ? `${x},${y}` : `${y},${x}`;
      added.push(index.add(x, y));
      if (!known.has(key)) known.set(key, known.size);
      expected.push(known.get(key)!);
    }
    expect(added).toEqual(expected);
    expect(index.length).toBe(known.size);
    const found = [...known].map(([key, at]) => {
      const [x, y] = key.split(',').map(Number);
      return [index.get(y, x), index.low(at), index.high(at)].join(',') === [at, x, y].join(',');
    });
    expect(found.every(Boolean)).toBe(true);
    expect(index.get(1000, 1001)).toBe(-1);
  });

  test('release hands over the smaller and larger member of every pair, by index, and empties the index', () => {
    const index = new PairIndex();
    index.add(5, 2);
    index.add(1, 7);
    index.add(2, 5);
    index.add(9, 3);
    const { low, high } = index.release();
    expect([...low]).toEqual([2, 1, 3]);
    expect([...high]).toEqual([5, 7, 9]);
    expect(index.length).toBe(0);
  });
});
