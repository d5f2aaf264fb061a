import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { buildGraphDatabase, resolveBuildOptions, type BuildReporter } from '../../src/build';
import { CablegraphError } from '../../src/common/diagnostics';
import { openGraphDb, readMeta } from '../../src/db';
import { SHARED } from '../graph/helpers';
import Database from 'better-sqlite3';
import { dumpById, tableDifferences } from '../db/helpers';

const silent: BuildReporter = {
  diagnostic: () => undefined,
  tick: () => undefined,
  readDone: () => undefined,
  note: () => undefined,
};
/** Single cables of the shared corpus, one per build or append. */
const CABLES = ['1979/08/79TEHRAN8980', '2006/03/06ISLAMABAD3705', '2006/03/06PARIS2069'];
const seed = (n: number): string => path.join(SHARED, 'corpus/cablegate/cable', `${CABLES[n]}.html`);

describe('buildGraphDatabase', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-build-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const build = (
    output: string,
    inputs: string[],
    more: Parameters<typeof resolveBuildOptions>[0] extends infer O ? Partial<O> : never = {},
  ) => buildGraphDatabase(resolveBuildOptions({ output, inputs, workers: 0, quiet: true, ...more }), silent);

  describe('when an append fails half-way', () => {
    it('should leave the database as it was (one transaction), naming the file', async () => {
      const file = path.join(dir, 'graph.db');
      await build(file, [seed(0)]);
      // A trigger that fails the append once it has written the new cable's rows and comes to its entities.
      const db = new Database(file);
      db.exec("CREATE TRIGGER fail AFTER INSERT ON entities BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
      db.close();
      const before = dumpById(file, { metrics: true });
      await expect(build(file, [seed(1)], { append: true, inPlace: true })).rejects.toThrow(
        new RegExp(`cannot append to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: disk on fire; nothing written`),
      );
      expect(tableDifferences(dumpById(file, { metrics: true }), before)).toEqual([]);
    });
  });

  describe('when appending with another extractor', () => {
    it('should refuse, naming both extractors and --force, and leave the database as it was', async () => {
      const file = path.join(dir, 'graph.db');
      await build(file, [seed(0)], { extractor: 'builtin' });
      const before = fs.readFileSync(file);
      const attempt = build(file, [seed(1)], { append: true, extractor: 'annotated' });
      await expect(attempt).rejects.toMatchObject({ code: 'EXTRACTOR_MISMATCH' });
      await expect(build(file, [seed(1)], { append: true, extractor: 'annotated' })).rejects.toThrow(
        /built with --ner builtin.*--ner annotated.*--force/,
      );
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    });

    it('should append with --force, and with the same extractor', async () => {
      const file = path.join(dir, 'graph.db');
      await build(file, [seed(0)], { extractor: 'builtin' });
      const same = await build(file, [seed(1)], { append: true, extractor: 'builtin' });
      expect(same?.records).toBe(2);
      const forced = await build(file, [seed(2)], { append: true, extractor: 'annotated', force: true });
      expect(forced?.records).toBe(3);
      const db = openGraphDb(file);
      try {
        expect(readMeta(db).extractor).toBe('annotated');
      } finally {
        db.close();
      }
    });

    it("should append with the database's extractor when none is named (a database built before the default changed)", async () => {
      const file = path.join(dir, 'graph.db');
      await build(file, [seed(0)], { extractor: 'annotated' });
      const notes: string[] = [];
      const appended = await buildGraphDatabase(
        resolveBuildOptions({ output: file, inputs: [seed(1)], workers: 0, quiet: true, append: true }),
        { ...silent, note: (m: string) => notes.push(m) },
      );
      expect(appended?.records).toBe(2);
      expect(notes).toContain(`${file} was built with --ner annotated: appending with it too`);
      const db = openGraphDb(file);
      try {
        expect(readMeta(db).extractor).toBe('annotated');
      } finally {
        db.close();
      }
    });
  });

  it('should build with the tagger when no extractor is named', async () => {
    const file = path.join(dir, 'graph.db');
    await build(file, [seed(0)]);
    const db = openGraphDb(file);
    try {
      expect(readMeta(db).extractor).toBe('tagger');
    } finally {
      db.close();
    }
  });

  it('should record the extractor and its options in the meta table', async () => {
    const file = path.join(dir, 'graph.db');
    await build(file, [seed(0)], { extractor: 'tagger' });
    const db = openGraphDb(file);
    try {
      const meta = readMeta(db);
      expect(meta.extractor).toBe('tagger');
      expect(meta.extractorOptions).toEqual({});
    } finally {
      db.close();
    }
  });

  it('should reject bad options before reading anything', () => {
    expect(() => resolveBuildOptions({ output: path.join(dir, 'g.db'), workers: -1 })).toThrow(CablegraphError);
    expect(() => resolveBuildOptions({ output: path.join(dir, 'g.db'), extractor: 'spacy' as never })).toThrow(
      /--ner wants one of builtin, tagger, annotated, corenlp/,
    );
  });
});

describe('openGraphDb on a graph file of an earlier version (.cgz)', () => {
  it('should say to rebuild it with cablegraph build', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-cgz-'));
    try {
      const file = path.join(dir, 'graph.cgz');
      fs.writeFileSync(file, zlib.gzipSync('{"format":"cablegraph-graph"}\n'));
      expect(() => openGraphDb(file)).toThrow(
        expect.objectContaining({
          code: 'GRAPH_OLD_FORMAT',
          message: expect.stringMatching(/rebuild it with cablegraph build/),
        }),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
