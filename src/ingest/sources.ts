import * as fs from 'fs';
import * as path from 'path';
import fg from 'fast-glob';
import type { Diagnostic } from '../common/diagnostics';

/** One input to read: a file on disk, standard input, or an input that names nothing readable. */
export type Source =
  | { kind: 'file'; path: string; display: string }
  | { kind: 'stdin'; display: '<stdin>' }
  | { kind: 'problem'; display: string; diagnostic: Diagnostic };

const GLOB_CHARS = /[*?[\]{}]/;
/** Files never worth reading as cables inside a directory walk. */
const SKIPPED_IN_DIRECTORIES = ['**/node_modules/**', '**/.git/**', '**/.*'];

/**
 * Expands the user's inputs, in the order given: `-` is stdin; a directory is walked
 * recursively (files sorted, so runs are reproducible); a glob is matched; anything else must
 * be an existing file. Inputs that match nothing come out as `problem` sources, in their place
 * in the input order (so messages stay in order), and are not fatal: the run goes on.
 */
export async function* expandInputs(inputs: string[]): AsyncGenerator<Source> {
  const problem = (diagnostic: Diagnostic): Source => ({ kind: 'problem', display: diagnostic.file ?? '', diagnostic });
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin', display: '<stdin>' };
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = await fs.promises.stat(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      yield { kind: 'file', path: input, display: input };
    } else if (stat?.isDirectory()) {
      const files = await fg('**/*', { cwd: input, onlyFiles: true, ignore: SKIPPED_IN_DIRECTORIES, followSymbolicLinks: true });
      if (files.length === 0) yield problem({ severity: 'warning', rule: 'ingest:empty-directory', message: 'directory holds no files', file: input });
      for (const rel of files.sort()) {
        const full = path.join(input, rel);
        yield { kind: 'file', path: full, display: full };
      }
    } else if (GLOB_CHARS.test(input)) {
      const files = await fg(input.split(path.sep).join('/'), { onlyFiles: true, dot: false });
      if (files.length === 0) yield problem({ severity: 'warning', rule: 'ingest:no-match', message: 'pattern matches no file', file: input });
      for (const file of files.sort()) yield { kind: 'file', path: file, display: file };
    } else {
      yield problem({ severity: 'error', rule: 'ingest:not-found', message: stat ? 'not a file or directory' : 'no such file or directory', file: input });
    }
  }
}
