// Input sources: files on disk, folders walked, globs and stdin, with clear errors for what cannot be read.
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
/** Names never worth reading as cables inside a directory walk: hidden files and folders, node_modules. */
const skippedInDirectories = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** What a path is, without reading it: special files (FIFOs would block a read forever) are told apart. */
function describeSpecial(stat: fs.Stats): string | undefined {
  if (stat.isFIFO()) return 'a FIFO (named pipe), not a cable file; skipped (reading it could wait forever)';
  if (stat.isSocket()) return 'a socket, not a cable file; skipped';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a cable file; skipped';
  return undefined;
}

/** A one-line reason for a failed file-system call: `permission denied`, `no such file or directory` … */
export function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    default:
      return e.message ?? String(error);
  }
}

/** The problem with a path that `stat` cannot follow: a dangling link names its target. */
function statProblem(file: string, error: unknown): Diagnostic {
  let link: string | undefined;
  try {
    link = fs.readlinkSync(file);
  } catch {
    link = undefined;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (link !== undefined && code === 'ENOENT')
    return {
      severity: 'warning',
      rule: 'ingest:dangling-link',
      message: `symbolic link to a missing file (${link}); skipped`,
      file,
    };
  if (code === 'ELOOP')
    return { severity: 'warning', rule: 'ingest:symlink-loop', message: 'symbolic link loop; skipped', file };
  return { severity: 'error', rule: 'ingest:unreadable', message: `cannot read: ${reasonOf(error)}`, file };
}

/**
 * Every file under `root`, paths relative to it, plus the problems met on the way (unreadable
 * folders, dangling links, link loops, special files). Links are followed, each real folder
 * visited once (so a link back to an ancestor, or two links to each other, end the walk).
 */
async function walkDirectory(root: string): Promise<{ files: string[]; problems: Diagnostic[] }> {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const visited = new Set<string>();
  const folderKey = (stat: fs.Stats): string => `${stat.dev}:${stat.ino}`;
  visited.add(folderKey(await fs.promises.stat(root)));
  const walk = async (rel: string): Promise<void> => {
    const dir = path.join(root, rel);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({
        severity: 'error',
        rule: 'ingest:unreadable-directory',
        message: `cannot read folder: ${reasonOf(error)}; its cables are skipped`,
        file: dir,
      });
      return;
    }
    for (const entry of entries) {
      if (skippedInDirectories(entry.name)) continue;
      const childRel = rel === '' ? entry.name : path.join(rel, entry.name);
      const child = path.join(root, childRel);
      if (entry.isFile()) {
        files.push(childRel);
        continue;
      }
      let stat: fs.Stats;
      try {
        stat = entry.isDirectory() ? await fs.promises.lstat(child) : await fs.promises.stat(child);
      } catch (error) {
        problems.push(statProblem(child, error));
        continue;
      }
      if (stat.isFile()) files.push(childRel);
      else if (stat.isDirectory()) {
        const key = folderKey(stat);
        if (visited.has(key)) {
          problems.push({
            severity: 'warning',
            rule: 'ingest:symlink-loop',
            message: 'symbolic link to a folder already read (a loop, or a second way to it); not followed',
            file: child,
          });
          continue;
        }
        visited.add(key);
        await walk(childRel);
      } else {
        const special = describeSpecial(stat);
        if (special) problems.push({ severity: 'warning', rule: 'ingest:special-file', message: special, file: child });
      }
    }
  };
  await walk('');
  return { files, problems };
}

/**
 * Expands the user's inputs, in the order given: `-` is stdin; a directory is walked
 * recursively (files sorted, so runs are reproducible; hidden files and node_modules skipped;
 * symbolic links followed, loops cut); a glob is matched (symbolic links to files included, links
 * to folders not followed); anything else must be an existing file. Inputs that match nothing,
 * unreadable folders, dangling links and special files (FIFOs, sockets, devices) come out as
 * `problem` sources in their place in the input order, and are not fatal: the run goes on.
 */
export async function* expandInputs(inputs: string[]): AsyncGenerator<Source> {
  const problem = (diagnostic: Diagnostic): Source => ({ kind: 'problem', display: diagnostic.file ?? '', diagnostic });
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin', display: '<stdin>' };
      continue;
    }
    let stat: fs.Stats | undefined;
    let statError: unknown;
    try {
      stat = await fs.promises.stat(input);
    } catch (error) {
      statError = error;
    }
    if (stat?.isFile()) {
      yield { kind: 'file', path: input, display: input };
    } else if (stat?.isDirectory()) {
      const { files, problems } = await walkDirectory(input);
      for (const p of problems) yield problem(p);
      if (files.length === 0 && problems.length === 0)
        yield problem({
          severity: 'warning',
          rule: 'ingest:empty-directory',
          message: 'directory holds no files',
          file: input,
        });
      for (const rel of files.sort()) {
        const full = path.join(input, rel);
        yield { kind: 'file', path: full, display: full };
      }
    } else if (stat) {
      yield problem({
        severity: 'warning',
        rule: 'ingest:special-file',
        message: describeSpecial(stat) ?? 'not a file or directory',
        file: input,
      });
    } else if (GLOB_CHARS.test(input)) {
      yield* expandGlob(input, problem);
    } else if ((statError as NodeJS.ErrnoException).code === 'ENOENT' && !isLink(input)) {
      yield problem({ severity: 'error', rule: 'ingest:not-found', message: 'no such file or directory', file: input });
    } else {
      yield problem(statProblem(input, statError));
    }
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

async function* expandGlob(input: string, problem: (d: Diagnostic) => Source): AsyncGenerator<Source> {
  // Links are not followed into folders (two links to each other made fast-glob walk forever);
  // unreadable folders are passed over (suppressErrors) rather than ending the run.
  const entries = await fg(input.split(path.sep).join('/'), {
    onlyFiles: false,
    dot: false,
    followSymbolicLinks: false,
    suppressErrors: true,
    objectMode: true,
  });
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.dirent.isFile()) files.push(entry.path);
    else if (entry.dirent.isSymbolicLink()) {
      try {
        const stat = await fs.promises.stat(entry.path);
        if (stat.isFile()) files.push(entry.path);
        else if (!stat.isDirectory())
          problems.push({
            severity: 'warning',
            rule: 'ingest:special-file',
            message: describeSpecial(stat) ?? 'not a file',
            file: entry.path,
          });
      } catch (error) {
        problems.push(statProblem(entry.path, error));
      }
    } else if (!entry.dirent.isDirectory())
      problems.push({
        severity: 'warning',
        rule: 'ingest:special-file',
        message: 'a FIFO, socket or device, not a cable file; skipped',
        file: entry.path,
      });
  }
  for (const p of problems) yield problem(p);
  if (files.length === 0 && problems.length === 0)
    yield problem({ severity: 'warning', rule: 'ingest:no-match', message: 'pattern matches no file', file: input });
  for (const file of files.sort()) yield { kind: 'file', path: file, display: file };
}
