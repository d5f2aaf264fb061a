import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CABLE_JSON_KEYS } from '../../src/cli/cable-json';

// These tests run the compiled CLI exactly as a user does (`npm test` builds first).
const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const SEED_000 = path.join(SEEDS, '000_95b061aa67c0afb6.txt');
const SEED_002 = path.join(SEEDS, '002_d07167338e538831.txt');

function cablegraph(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, cwd: ROOT });
  const cables = result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, any>);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, cables };
}

describe('cablegraph parse', () => {
  describe('on seed 000 (05PARIS77, markdown rendering)', () => {
    const { status, cables } = cablegraph(['parse', SEED_000]);
    const cable = cables[0];

    it('should print exactly one JSON line and exit 0', () => {
      expect(status).toBe(0);
      expect(cables).toHaveLength(1);
    });
    it('should read the reference id from the header line', () => {
      expect(cable.id).toBe('05PARIS77');
    });
    it('should list the TAGS in order', () => {
      expect(cable.tags.map((t: any) => t.code)).toEqual(['PREL', 'PROP', 'PHUM', 'IZ', 'FR']);
      expect(cable.tags.find((t: any) => t.code === 'IZ').label).toBe('Iraq');
    });
    it('should resolve both references to canonical cable ids', () => {
      expect(cable.references.map((r: any) => r.cableId)).toEqual(['04STATE274965', '04PARIS9098']);
      expect(cable.references.map((r: any) => r.letter)).toEqual(['A', 'B']);
    });
    it('should parse Classified By', () => {
      expect(cable.classifiedBy).toMatchObject({
        name: 'Josiah Rosenblatt',
        title: 'Political Minister-Counselor',
        reasons: ['1.4(b)', '1.4(d)'],
      });
    });
    it('should find the signer', () => {
      expect(cable.signers).toEqual(['Leach']);
    });
    it('should classify the cable and number its four paragraphs', () => {
      expect(cable.classification).toBe('CONFIDENTIAL');
      expect(cable.paragraphs.map((p: any) => p.number)).toEqual([1, 2, 3, 4]);
      expect(cable.paragraphs.map((p: any) => p.classification)).toEqual(['C', 'C', 'C', 'U']);
      expect(cable.paragraphs[2].isComment).toBe(true);
    });
    it('should join the two-line SUBJECT', () => {
      expect(cable.subject).toBe(
        "GOF WON'T BE JOINING INTERNATIONAL MISSION FOR IRAQ ELECTIONS, STRESSES SUPPORT VIA OTHER MEANS",
      );
    });
    it('should print the keys in the documented order', () => {
      const order = Object.keys(cable).map((k) => CABLE_JSON_KEYS.indexOf(k as any));
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });
  });

  describe('on seed 002 (07PARIS3534, entity-annotated)', () => {
    const { status, cables } = cablegraph(['parse', SEED_002]);
    const cable = cables[0];

    it('should parse id, TAGS, signer and Classified By', () => {
      expect(status).toBe(0);
      expect(cable.id).toBe('07PARIS3534');
      expect(cable.tags.map((t: any) => t.code)).toEqual(['PREL', 'PGOV', 'FR', 'IZ', 'US']);
      expect(cable.signers).toEqual(['PEKALA']);
      expect(cable.classifiedBy.name).toBe('Josiah Rosenblatt');
      expect(cable.classifiedBy.reasons).toEqual(['1.4(b)', '1.4(d)']);
    });
    it('should keep the entity annotations with offsets into the clean text', () => {
      expect(cable.text).toContain("Kouchner's visit");
      for (const a of cable.annotations) expect(cable.text.slice(a.start, a.end)).toBe(a.text);
      expect(cable.annotations.some((a: any) => a.type === 'PER' && a.text === 'Jalal Talabani')).toBe(true);
    });
  });

  describe('with --id on a fragment that carries no id', () => {
    it('should take the id from --id and still return what the fragment holds', () => {
      const fragment = 'REF: A. PARIS 1501\nB. 04 STATE 274965\n';
      const { status, cables } = cablegraph(['parse', '--id', '08PARIS1600'], fragment);
      expect(status).toBe(0);
      expect(cables[0].id).toBe('08PARIS1600');
      expect(cables[0].idSource).toBe('option');
      expect(cables[0].references.map((r: any) => r.cableId)).toEqual(['08PARIS1501', '04STATE274965']);
    });
  });

  describe('on bad input', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-cli-'));
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');

    it('should warn on one line naming the file, skip it, and go on', () => {
      const { status, cables, stderr } = cablegraph(['parse', empty, SEED_000]);
      expect(status).toBe(0);
      expect(cables.map((c) => c.id)).toEqual(['05PARIS77']);
      const lines = stderr
        .trim()
        .split('\n')
        .filter((l) => l.includes('empty.txt'));
      expect(lines).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
    it('should exit non-zero when nothing could be read', () => {
      const { status, stderr, cables } = cablegraph(['parse', path.join(dir, 'missing.html'), empty]);
      expect(status).toBe(1);
      expect(cables).toHaveLength(0);
      expect(stderr).toContain('missing.html');
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('entities', () => {
    const CORPUS_PARIS = path.resolve(ROOT, '../shared/corpus/cablegate/cable/2009/01/09PARIS119.html');

    it('should give each cable its resolved entities, named across all the cables of the run', () => {
      const { status, cables } = cablegraph(['parse', '--quiet', SEED_002, CORPUS_PARIS]);
      expect(status).toBe(0);
      const seed = cables.find((c) => c.id === '07PARIS3534')!;
      const person = (name: string) => seed.entities.find((e: any) => e.type === 'PERSON' && e.name === name);
      // "Kouchner" alone in the seed (and "KOUCHNER'S" in its all-caps subject line); "Bernard Kouchner" in 09PARIS119, a cable of the same country.
      expect(person('Bernard Kouchner').mentions.sort()).toEqual(['KOUCHNER', 'Kouchner']);
      expect(person('Jalal Talabani').mentions.sort()).toEqual(['Jalal Talabani', 'Talabani']);
      for (const e of seed.entities) {
        expect(['PERSON', 'ORGANIZATION', 'PLACE']).toContain(e.type);
        for (const surface of e.mentions) expect(seed.text).toContain(surface);
      }
    });

    it('should give each cable its roles, affiliations and meetings, people named by their resolved entity', () => {
      const { cables } = cablegraph(['parse', '--quiet', SEED_002, CORPUS_PARIS]);
      const seed = cables.find((c) => c.id === '07PARIS3534')!;
      expect(Object.keys(seed).indexOf('roles')).toBe(Object.keys(seed).indexOf('entities') + 1);
      const fm = seed.roles.find((r: any) => r.title === 'Foreign Minister' && r.titleText === 'French FM');
      expect(fm).toMatchObject({
        person: { name: 'Bernard Kouchner' },
        country: 'France',
        basis: 'explicit',
        paragraph: 1,
      });
      expect(Object.keys(fm).slice(0, 3)).toEqual(['person', 'title', 'titleText']);
      expect(
        seed.roles.find((r: any) => r.person.name === 'Jalal Talabani' && /of Iraq/.test(r.titleText)),
      ).toMatchObject({ title: 'President', country: 'Iraq' });
      expect(Array.isArray(seed.affiliations) && Array.isArray(seed.meetings)).toBe(true);
    });

    it('should read bracket annotations with --ner annotated, MISC left out', () => {
      const { cables } = cablegraph(['parse', '--quiet', '--ner', 'annotated', SEED_002]);
      const entities = cables[0].entities as Array<{ type: string; name: string; mentions: string[] }>;
      expect(entities.find((e) => e.name === 'Kouchner')).toMatchObject({ type: 'PERSON', mentions: ['Kouchner'] });
      expect(entities.find((e) => e.mentions.includes('Irbil'))).toMatchObject({ type: 'PLACE' });
      expect(entities.some((e) => /^French$/i.test(e.name))).toBe(false);
    });

    it('should stream metadata only with --ner none', () => {
      const { cables } = cablegraph(['parse', '--quiet', '--ner', 'none', SEED_000]);
      expect(cables[0].entities).toBeUndefined();
      expect(cables[0].id).toBe('05PARIS77');
    });
  });

  describe('--help', () => {
    it('should document the parse command and its --id flag', () => {
      const result = spawnSync(process.execPath, [CLI, 'parse', '--help'], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Usage: cablegraph parse [options] [inputs...]');
      expect(result.stdout).toContain('--id <refid>');
    });
  });
});
