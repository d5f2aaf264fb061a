// The command line of the repo's scripts: their arguments, and the value after an option.
'use strict';
const fs = require('node:fs');

const args = process.argv.slice(2);

/**
 * `--help` / `-h`: the script's own header comment (its usage), then exit, before it does anything
 * (a script that trains or writes would otherwise run with its defaults).
 */
if (args.includes('--help') || args.includes('-h')) {
  const script = require.main?.filename ?? process.argv[1];
  const header = /\/\*\*([\s\S]*?)\*\//.exec(fs.readFileSync(script, 'utf8'));
  const usage = header
    ? header[1]
        .split('\n')
        .map((line) => line.replace(/^\s*\* ?/, ''))
        .join('\n')
        .trim()
    : `no usage written in ${script}`;
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

/** The argument after `name` (`--top 300` → "300"), or `def` when the option is not given. */
function opt(name, def) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
}

module.exports = { args, opt };
