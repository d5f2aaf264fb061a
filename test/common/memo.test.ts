import * as v8 from 'v8';
import * as vm from 'vm';
import { BoundedMemo, forgetMemos, ownCopy } from '../../src/common/memo';

describe('BoundedMemo', () => {
  it('keeps values, undefined ones too, and clears itself at its limit', () => {
    const memo = new BoundedMemo<number | undefined>(3);
    memo.set('a', 1);
    memo.set('b', undefined);
    expect(memo.get('a')).toBe(1);
    expect(memo.has('b')).toBe(true);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.has('c')).toBe(false);
    memo.set('c', 3);
    expect(memo.size).toBe(3);
    memo.set('d', 4); // full: the table starts again
    expect(memo.size).toBe(1);
    expect(memo.has('a')).toBe(false);
    expect(memo.get('d')).toBe(4);
  });

  it('forgetMemos empties every table', () => {
    const one = new BoundedMemo<string>(10);
    const two = new BoundedMemo<string>(10);
    one.set('x', 'X');
    two.set('y', 'Y');
    forgetMemos();
    expect(one.size).toBe(0);
    expect(two.size).toBe(0);
    one.set('x', 'X2');
    expect(one.get('x')).toBe('X2');
  });
});

describe('ownCopy', () => {
  it('is the same text', () => {
    expect(ownCopy('')).toBe('');
    expect(ownCopy('short')).toBe('short');
    const long = 'Minister of Foreign Affairs of the Republic';
    expect(ownCopy(long.slice(12, 40))).toBe('Foreign Affairs of the Repub');
  });

  it('does not keep the text a key was cut from alive', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const keep = (copy: boolean): number => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const keys: string[] = [];
      for (let i = 0; i < 100; i += 1) {
        // a cable-sized text (200 KB each, 20 MB in all) and a 30-character phrase cut from it
        const text = `${'x'.repeat(100_000)}${i}${'y'.repeat(100_000)}`;
        const phrase = text.slice(99_990, 100_020);
        keys.push(copy ? ownCopy(phrase) : phrase);
      }
      gc();
      const held = process.memoryUsage().heapUsed - before;
      expect(keys).toHaveLength(100);
      return held;
    };
    // the plain slices hold the 20 MB of texts; the copies a few KB
    expect(keep(false)).toBeGreaterThan(15e6);
    expect(keep(true)).toBeLessThan(2e6);
  });
});
