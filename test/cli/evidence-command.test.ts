import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer } from '../../src/cli/serve-command';
import { builtGraph } from '../server/helpers';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');

/** `cablegraph evidence`: the viewer's take-away documents from a graph file, without a server. */
describe('cablegraph evidence', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-evidence-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'evidence', ...args], { encoding: 'utf8', cwd: dir });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a pair, a path and an entity: the same documents the server downloads', async () => {
    const graph = await builtGraph();
    const server = await startServer(graph, {
      port: '0',
      quiet: true,
      curation: path.join(dir, 'curation.jsonl'),
      readOnly: true,
    });
    try {
      const pair = run('Kouchner', 'Jalal Talabani', '-g', graph, '--viewer', server.url);
      expect(pair.status).toBe(0);
      expect(pair.stderr).toBe('cablegraph evidence: Kouchner ↔ Jalal Talabani: 1 link, 1 cables\n');
      const ids = ['p-kouchner-e5fec991', 'p-jalal-talabani-fde70f3c'];
      const api = async (route: string) => (await fetch(`${server.url}/api/${route}`)).text();
      expect(pair.stdout).toBe(await api(`takeaway/evidence?a=${ids[0]}&b=${ids[1]}&format=md`));

      const csv = run(ids[1], 'Kouchner', 'Irbil', '-g', graph, '-f', 'csv', '-o', 'path.csv', '--viewer', server.url);
      expect(csv.status).toBe(0);
      const irbil = JSON.parse(await api('search?q=Irbil'))[0].id as string;
      expect(fs.readFileSync(path.join(dir, 'path.csv'), 'utf8')).toBe(
        await api(`takeaway/path?ids=${ids[1]},${ids[0]},${irbil}&format=csv`),
      );

      const entity = run('Kouchner', '-g', graph, '--links', '5', '--viewer', server.url, '--quiet');
      expect(entity.stdout).toBe(await api(`takeaway/entity/${ids[0]}?links=5&format=md`));
    } finally {
      await server.close();
    }
  }, 120_000);

  test('bad requests: one clear line, exit 2', async () => {
    const graph = await builtGraph();
    expect(run('Nobody Atall', 'Kouchner', '-g', graph).stderr).toBe(
      'cablegraph: no entity "Nobody Atall" (npx cablegraph entities list --q … shows ids)\n',
    );
    expect(run('Kouchner', '-g', graph, '-f', 'pdf').stderr).toBe('cablegraph: --format wants md or csv, got "pdf"\n');
    expect(run('Kouchner', '-g', path.join(dir, 'none.db')).status).toBe(2);
  }, 120_000);
});
