import { spawnSync } from 'child_process';
import * as path from 'path';
import { formatTable, parseParamFlags } from '../../src/cli/query-command';

const CLI = path.resolve(__dirname, '../../dist/cli/index.js');

describe('cablegraph query', () => {
  test('--list shows every named query with its parameters', () => {
    const result = spawnSync(process.execPath, [CLI, 'query', '--list'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('shortest-path    from=<string> to=<string>');
    expect(result.stdout).toContain('ego-network      entity=<string> [hops=1] [minWeight=1] [limit=50]');
  });

  test('a missing parameter or an unknown query: one line, exit 2, nothing sent to a server', () => {
    const missing = spawnSync(
      process.execPath,
      [CLI, 'query', 'shortest-path', '-p', 'from=Kouchner', '--neo4j', 'bolt://127.0.0.1:1'],
      { encoding: 'utf8' },
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('cablegraph: shortest-path: missing parameter "to" (--param to=…)\n');
    const unknown = spawnSync(process.execPath, [CLI, 'query', 'who-is-who'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^cablegraph: no query named "who-is-who"; the library has: ego-network, /);
  });

  test('an unreachable server: a clear message, exit 2, no stack trace', () => {
    const result = spawnSync(process.execPath, [CLI, 'query', 'top-pairs', '--neo4j', 'bolt://127.0.0.1:1'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^cablegraph: no Neo4j answers at bolt:\/\/127\.0\.0\.1:1 .*start one with npm run neo4j:start\n$/,
    );
  });

  test('--param values may hold "=", and a bad flag is refused', () => {
    expect(parseParamFlags(['q=name:"a=b"', 'limit=5'])).toEqual({ q: 'name:"a=b"', limit: '5' });
    expect(() => parseParamFlags(['limit'])).toThrow('--param wants name=value, got "limit"');
  });

  test('tables: aligned columns, long cells cut, a row count', () => {
    expect(
      formatTable({
        columns: ['a', 'weight'],
        rows: [
          { a: 'Bernard Kouchner', weight: 3 },
          { a: 'Irbil', weight: 12 },
        ],
      }),
    ).toBe(
      [
        'a                 weight',
        '----------------  ------',
        'Bernard Kouchner  3',
        'Irbil             12',
        '(2 rows)',
      ].join('\n'),
    );
    expect(formatTable({ columns: [], rows: [] })).toBe('(no rows)');
  });
});
