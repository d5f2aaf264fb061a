import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Command, Option } from 'commander';
import { buildProgram } from '../../src/cli/index';

const ROOT = path.resolve(__dirname, '../..');

/** Every `npx cablegraph …` line of the README's (and web/README's) code blocks, comments cut. */
function readmeCommands(): Array<{ file: string; line: string }> {
  const out: Array<{ file: string; line: string }> = [];
  for (const file of ['README.md', 'web/README.md']) {
    let inBlock = false;
    for (const raw of fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n')) {
      if (raw.trimStart().startsWith('```')) {
        inBlock = !inBlock;
        continue;
      }
      if (!inBlock) continue;
      for (const part of raw.split('&&')) {
        const line = part.replace(/\s+#.*$/, '').trim();
        if (line.startsWith('npx cablegraph ')) out.push({ file, line });
      }
    }
  }
  return out;
}

/** The words of a command line as a shell splits them (quotes kept together). */
const words = (line: string): string[] =>
  [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);

const flagsOf = (command: Command): string[] =>
  (command.options as Option[]).flatMap((o) => [o.long, o.short].filter((f): f is string => !!f));

describe("the README's commands work as printed", () => {
  const commands = readmeCommands();

  test('npx cablegraph resolves to this package inside the repository', () => {
    const run = spawnSync('npx', ['cablegraph', '--version'], {
      cwd: path.join(ROOT, 'test'),
      encoding: 'utf8',
      env: { ...process.env, npm_config_offline: 'true' },
    });
    expect(run.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('the README shows the CLI only as npx cablegraph (no node dist/… paths to adapt)', () => {
    expect(commands.length).toBeGreaterThan(20);
    for (const file of ['README.md', 'web/README.md'])
      expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).not.toMatch(/node dist\/cli\/index\.js/);
  });

  test('every printed command names a real command and only its real options', () => {
    const program = buildProgram();
    const problems: string[] = [];
    for (const { file, line } of commands) {
      const args = words(line).slice(2);
      let command: Command | undefined = program.commands.find((c) => c.name() === args[0]);
      let rest = args.slice(1);
      if (command && command.commands.length > 0) {
        // `entities merge|split|…`: a subcommand, or a list of them (`rename|retype|…`).
        const names = (rest[0] ?? '').split('|').map((n) => n.replace(/;$/, ''));
        const sub = command.commands.find((c) => c.name() === names[0]);
        if (!sub || names.some((n) => !command!.commands.some((c) => c.name() === n)))
          problems.push(`${file}: ${line}: no subcommand ${rest[0]}`);
        command = sub;
        rest = rest.slice(1);
      }
      if (!command) {
        problems.push(`${file}: ${line}: no command ${args[0]}`);
        continue;
      }
      const known = [...flagsOf(command), ...flagsOf(program), '--help', '--list'];
      for (const word of rest) {
        const flag = word.split('=')[0].replace(/[\][,;]/g, '');
        if (/^--?[a-z]/.test(flag) && !known.includes(flag)) problems.push(`${file}: ${line}: unknown option ${flag}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
