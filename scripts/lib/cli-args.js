// The command line of the repo's scripts: their arguments, and the value after an option.
'use strict';

const args = process.argv.slice(2);

/** The argument after `name` (`--top 300` → "300"), or `def` when the option is not given. */
function opt(name, def) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
}

module.exports = { args, opt };
