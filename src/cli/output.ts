// Writing lines to stdout with back-pressure, and printing commands a user can paste.
/** Writes one line to stdout, waiting when the pipe is full; a closed pipe (`| head`) ends the process quietly. */
export function writeLine(line: string): Promise<void> | void {
  if (process.stdout.write(`${line}\n`)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/**
 * How a printed command invokes cablegraph: `npx cablegraph` resolves to this package from
 * anywhere inside the repository after `npm ci && npm run build` (and works unchanged after
 * `npm link`, which puts a bare `cablegraph` on the PATH).
 */
export const CLI_COMMAND = 'npx cablegraph';

/** A word as a POSIX shell reads it back: bare when safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A cablegraph command line that can be pasted into a shell as printed. */
export function commandLine(args: readonly string[]): string {
  return [CLI_COMMAND, ...args.map(shellWord)].join(' ');
}
