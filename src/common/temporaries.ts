// Temporary files of runs that were killed: found by their name (`.<file>.<pid>[.<what>].tmp`, and SQLite's `-journal`, `-wal`, `-shm` beside one) and removed.
import * as fs from 'fs';
import * as path from 'path';

/** The names the graph and export writers give their temporary files: `.graph.db.1234.db.tmp`, `.graph.db.1234.records.tmp`. */
const TEMPORARY = /^\..+\.(\d+)(?:\.[A-Za-z0-9-]+)?\.tmp(?:-journal|-wal|-shm)?$/;

/** Whether process `pid` is running on this machine (a pid we may not signal is alive too). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files in `folder` left by runs that are no longer running (a build or
 * export killed before it could clean up: tens to hundreds of MB each, tens of GB at full-corpus
 * scale). Files of running processes are left alone; a folder that cannot be read is passed over.
 * Returns the paths removed.
 */
export function removeStaleTemporaries(folder: string, onRemoved: (file: string) => void = () => undefined): string[] {
  return removeTemporaries(folder, (pid) => !isRunning(pid), onRemoved);
}

/**
 * Removes the temporary files in `folder` of process `pid`, which has ended (the build launcher's
 * child, stopped by a signal or out of heap): its own files only, at once rather than at the next
 * run. Returns the paths removed.
 */
export function removeTemporariesOf(
  folder: string,
  pid: number,
  onRemoved: (file: string) => void = () => undefined,
): string[] {
  return removeTemporaries(folder, (owner) => owner === pid, onRemoved);
}

function removeTemporaries(
  folder: string,
  whose: (pid: number) => boolean,
  onRemoved: (file: string) => void,
): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m || !whose(Number(m[1]))) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.lstatSync(file);
      if (stat.isDirectory()) fs.rmSync(file, { recursive: true, force: true });
      else if (stat.isFile()) fs.rmSync(file, { force: true });
      else continue;
      removed.push(file);
      onRemoved(file);
    } catch {
      // Gone already, or not ours to remove: nothing to do.
    }
  }
  return removed;
}
