import * as fs from 'fs';
import * as path from 'path';
import { DatabaseCurator } from '../../src/server/curator';
import { rankSearch } from '../../src/server/search';
import { SqliteStore } from '../../src/server/sqlite-store';
import { builtGraph, copyOfGraph } from './helpers';

const BAGDHAD = 'p-bagdhad-218ea3d4';
const BAGHDAD = 'p-baghdad-c02fc0c6';

describe('DatabaseCurator (graph database)', () => {
  test("a decision taken in the worker has the served store read its caches again, before anyone's next request", async () => {
    const graphFile = copyOfGraph(await builtGraph());
    const store = SqliteStore.open(graphFile);
    const curator = new DatabaseCurator(store, graphFile, path.join(path.dirname(graphFile), 'curation.jsonl'));
    try {
      const search = async (): Promise<string[]> =>
        rankSearch('bagdhad', await store.searchCandidates(['bagdhad'], undefined, 1000, 20), 20).map((h) => h.id);
      expect(await search()).toContain(BAGDHAD);
      let warmed!: Promise<void>;
      const warm = jest.spyOn(store, 'warm').mockImplementation(function (this: SqliteStore) {
        warmed = SqliteStore.prototype.warm.call(this);
        return warmed;
      });
      await curator.decide({ op: 'merge', ids: [BAGDHAD, BAGHDAD], into: BAGHDAD, author: 'test' });
      expect(warm).toHaveBeenCalledTimes(1);
      await warmed;
      // What warm read is the state after the merge: the next search has nothing to read again.
      const read = jest.spyOn(store.db, 'transaction');
      expect(await search()).not.toContain(BAGDHAD);
      expect(await search()).toContain(BAGHDAD);
      expect(read).toHaveBeenCalledTimes(2); // the two searches' own transactions, no postings read
    } finally {
      curator.close();
      await store.close();
      fs.rmSync(path.dirname(graphFile), { recursive: true, force: true });
    }
  }, 120_000);
});
