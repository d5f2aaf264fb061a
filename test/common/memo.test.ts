import { execFileSync } from 'child_process';
import * as path from 'path';
import { BoundedMemo, forgetMemos, ownCopy } from '../../src/common/memo';

const ROOT = path.join(__dirname, '..', '..');

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
    // In a process of its own, with collections on demand: a test worker's heap holds other suites' garbage.
    const probe = `
      require(${JSON.stringify(path.join(ROOT, 'scripts/lib/ts-require'))});
      const { ownCopy } = require(${JSON.stringify(path.join(ROOT, 'src/common/memo.ts'))});
      const held = (copy) => {
        gc();
        const before = process.memoryUsage().heapUsed;
        const keys = [];
        for (let i = 0; i < 100; i += 1) {
          // a cable-sized text (200 KB each, 20 MB in all) and a 30-character phrase cut from it
          const text = 'x'.repeat(100000) + i + 'y'.repeat(100000);
          const phrase = text.slice(99990, 100020);
          keys.push(copy ? ownCopy(phrase) : phrase);
        }
        gc();
        return keys.length === 100 ? process.memoryUsage().heapUsed - before : -1;
      };
      console.log(JSON.stringify({ plain: held(false), copied: held(true) }));`;
    const out = execFileSync(process.execPath, ['--expose-gc', '-e', probe], { encoding: 'utf8' });
    const { plain, copied } = JSON.parse(out) as { plain: number; copied: number };
    // the plain slices hold the 20 MB of texts; the copies a few KB
    expect(plain).toBeGreaterThan(15e6);
    expect(copied).toBeLessThan(2e6);
  });
});
