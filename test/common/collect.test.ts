import { fullCollection, releaseArrayBuffers } from '../../src/common/collect';

describe('releaseArrayBuffers', () => {
  it('frees a typed array that was let go, without --expose-gc', () => {
    // (made and let go inside a function: nothing refers to it once the function returns)
    const holdThenLetGo = (): number => {
      const held = new Float64Array(16 * 2 ** 20).fill(1); // 128 MB
      expect(held[held.length - 1]).toBe(1);
      return releaseArrayBuffers();
    };
    const before = holdThenLetGo();
    expect(before).toBeGreaterThanOrEqual(128 * 2 ** 20);
    const after = releaseArrayBuffers();
    expect(before - after).toBeGreaterThanOrEqual(128 * 2 ** 20);
  });

  it('stops once the array buffers stop shrinking, and calls the collector it is given', () => {
    let calls = 0;
    releaseArrayBuffers(() => {
      calls += 1;
      fullCollection();
    }, 6);
    // Nothing was let go: the second collection finds what the first left.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(3);
  });
});
