import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openGraphDb } from '../../src/db';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const BAGDHAD = 'p-bagdhad-218ea3d4';
const BAGHDAD = 'p-baghdad-c02fc0c6';

/** `cablegraph entities …` in a scratch directory (its ./curation.jsonl is the default file). */
describe('cablegraph entities', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-entities-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, CABLEGRAPH_AUTHOR: 'analyst' },
    });
  const graph = path.join(dir, 'graph.db');
  /** Every entity as `entities list --json` shows it (what a rebuild must give back). */
  const entities = (file: string) =>
    JSON.parse(run('entities', 'list', '-g', file, '--limit', '100000', '--json').stdout) as Array<{ id: string }>;
  const hasEntity = (file: string, id: string): boolean => {
    const db = openGraphDb(file);
    try {
      return db.prepare('SELECT 1 FROM entities WHERE id = ?').get(id) !== undefined;
    } finally {
      db.close();
    }
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // the curation cases below need the rules' own junk ("Neither Saddam"), which the default tagger no longer finds
  beforeAll(() => expect(run('build', SEEDS, '--ner', 'builtin', '-o', graph, '--quiet').status).toBe(0));

  test('suggest shows the duplicate with the command that fixes it; list and show', () => {
    const suggest = run('entities', 'suggest', '-g', graph);
    expect(suggest.status).toBe(0);
    expect(suggest.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(
        /^\s+[\d.]+\s+spelling Baghdad \(2\) ⇐ Bagdhad \(1\) {2}— 5 shared neighbours, overlap 0\.5, country tags FR IZ US, 1 cable with both$/,
      ),
      `        npx cablegraph entities merge ${BAGDHAD} ${BAGHDAD} --into ${BAGHDAD} -g ${graph}`,
    ]);
    expect(run('entities', 'list', '-g', graph, '--type', 'place', '--limit', '2').stdout).toBe(
      `     2  Place        Baghdad  [${BAGHDAD}]\n     2  Place        France  [p-france-0576e739]\n`,
    );
    expect(run('entities', 'show', 'Talabani', '-g', graph).stdout).toMatch(
      /^Jalal Talabani \(Person, 1 cables\) p-jalal-talabani-fde70f3c\naliases: Jalal Talabani ×1, Talabani ×1\nco-mentioned most with: /,
    );
  });

  test('the command suggest prints runs as printed (npx cablegraph, from the repository), on the same files', () => {
    const curation = path.join(dir, 'pasted.jsonl');
    const printed = run('entities', 'suggest', '-g', graph, '--curation', curation).stdout.split('\n')[1].trim();
    expect(printed).toBe(
      `npx cablegraph entities merge ${BAGDHAD} ${BAGHDAD} --into ${BAGHDAD} -g ${graph} --curation ${curation}`,
    );
    // Pasted into a shell in the repository, as a user would (a dry run: the later tests merge for real).
    const pasted = spawnSync('bash', ['-c', `${printed} --dry-run`], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, npm_config_offline: 'true', CABLEGRAPH_AUTHOR: 'analyst' },
    });
    expect(pasted.stderr).toBe('');
    expect(pasted.stdout).toMatch(
      /^would decide 1: merge \(analyst\)\n {2}− Bagdhad \(Place, 1 cables\) p-bagdhad-218ea3d4\n/,
    );
    expect(fs.existsSync(curation)).toBe(false);
  });

  test('--dry-run shows what changes and writes nothing; then the merge is written, and kept by a rebuild from scratch', async () => {
    const before = entities(graph);
    const dry = run('entities', 'merge', 'Bagdhad', 'Baghdad', '-g', graph, '--dry-run', '--note', 'typo');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(
      /^would decide 1: merge \(analyst: typo\)\n {2}− Bagdhad \(Place, 1 cables\) p-bagdhad-218ea3d4\n/,
    );
    expect(dry.stdout).toMatch(
      /\n {2}~ Baghdad \(Place, 2 cables\) p-baghdad-c02fc0c6\n {2}entities: 0 added, 1 removed, 1 changed; co-mentions: 0 added, 6 removed, 0 changed \(\d+ cables rewritten, [\d.]+ s\)\n {2}\(dry run: nothing written\)\n$/,
    );
    expect(fs.existsSync(path.join(dir, 'curation.jsonl'))).toBe(false);
    expect(entities(graph)).toEqual(before);

    const merge = run('entities', 'merge', 'Bagdhad', 'Baghdad', '-g', graph, '--note', 'typo');
    expect(merge.status).toBe(0);
    const lines = fs.readFileSync(path.join(dir, 'curation.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      seq: 1,
      op: 'merge',
      ids: [BAGDHAD, BAGHDAD],
      into: BAGHDAD,
      author: 'analyst',
      note: 'typo',
    });
    expect(hasEntity(graph, BAGDHAD)).toBe(false);

    // From scratch: ./curation.jsonl is applied by default; the same entities as the curated database
    // (every table is compared in test/curate/database.test.ts).
    const fresh = path.join(dir, 'fresh.db');
    expect(run('build', SEEDS, '--ner', 'builtin', '-o', fresh, '--quiet').status).toBe(0);
    expect(entities(fresh)).toEqual(entities(graph));
  });

  test('a rejected entity disappears from the lists and from every export of the curated database', () => {
    expect(run('entities', 'reject', 'Neither Saddam', '-g', graph, '--note', 'not a name').status).toBe(0);
    expect(run('entities', 'list', '-g', graph, '--q', 'neither').stdout).toBe('');
    expect(run('entities', 'show', 'Neither Saddam', '-g', graph).status).toBe(2);
    expect(run('entities', 'list', '-g', graph, '--q', 'talabani').stdout).toMatch(/Jalal Talabani/);
    for (const format of ['gexf', 'graphml', 'json']) {
      const out = run('export', graph, '-f', format, '--quiet');
      expect(out.status).toBe(0);
      expect(out.stdout).not.toMatch(/Neither Saddam/);
      expect(out.stdout).toMatch(/Jalal Talabani/);
    }
  });

  test('undo takes back the last decision; split of a merge gives back the original entities', () => {
    const original = path.join(dir, 'original.db');
    expect(
      run('build', SEEDS, '--ner', 'builtin', '-o', original, '--quiet', '--curation', path.join(dir, 'none.jsonl'))
        .status,
    ).toBe(2);
    fs.writeFileSync(path.join(dir, 'none.jsonl'), '');
    expect(
      run('build', SEEDS, '--ner', 'builtin', '-o', original, '--quiet', '--curation', path.join(dir, 'none.jsonl'))
        .status,
    ).toBe(0);
    expect(run('entities', 'undo', '-g', graph).stdout).toMatch(/^decision 3: undo/);
    expect(run('entities', 'split', BAGHDAD, '-g', graph).stdout).toMatch(
      /^decision 4: split[^]*\+ Bagdhad \(Place, 1 cables\) p-bagdhad-218ea3d4/,
    );
    expect(entities(graph)).toEqual(entities(original));
    expect(run('entities', 'show', 'Bagdhad', '-g', graph, '--json').stdout).toBe(
      run('entities', 'show', 'Bagdhad', '-g', original, '--json').stdout.replace(
        '"decisions": []',
        run('entities', 'show', 'Bagdhad', '-g', graph, '--json').stdout.match(/"decisions": \[[^]*\]/)![0],
      ),
    );
  });

  test('split --cables takes cable ids in any form the parser reads', () => {
    const copy = path.join(dir, 'split.db');
    fs.copyFileSync(graph, copy);
    // the copy's decisions so far come with it (a database and its curation file agree)
    const curation = path.join(dir, 'split.jsonl');
    const current = path.join(dir, 'curation.jsonl');
    fs.writeFileSync(curation, fs.existsSync(current) ? fs.readFileSync(current) : '');
    const out = run(
      'entities',
      'split',
      'p-iraq-e3d5c7c6',
      '--cables',
      '2005 PARIS 000077',
      '--name',
      'Iraq (2005)',
      '-g',
      copy,
      '--curation',
      curation,
    );
    expect(out.stderr).toBe('');
    expect(JSON.parse(fs.readFileSync(curation, 'utf8').trim().split('\n').pop()!).cables).toEqual(['05PARIS77']);
    expect(out.stdout).toMatch(/\+ Iraq \(2005\) \(Place, 1 cables\)/);
  });

  test('bad requests: one clear line, exit 2, nothing written', () => {
    const lines = fs.readFileSync(path.join(dir, 'curation.jsonl'), 'utf8');
    const unknown = run('entities', 'rename', 'Nobody Atall', 'X', '-g', graph);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'cablegraph: no entity "Nobody Atall" (npx cablegraph entities list --q … shows ids)\n',
    );
    expect(run('entities', 'retype', 'Kouchner', 'Spaceship', '-g', graph).stderr).toMatch(
      /retype: type must be one of PERSON, ORGANIZATION, PLACE/,
    );
    fs.writeFileSync(path.join(dir, 'broken.jsonl'), '{"seq":1,"op":"merge"}\n');
    const broken = run('entities', 'rename', 'Kouchner', 'K', '-g', graph, '--curation', 'broken.jsonl');
    expect(broken.stderr).toBe('cablegraph: broken.jsonl:1: no author\n');
    expect(fs.readFileSync(path.join(dir, 'curation.jsonl'), 'utf8')).toBe(lines);
  });
});
