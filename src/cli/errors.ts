// One line for any failure of a command: the file and the problem, never a stack trace.
import { CablegraphError } from '../common/diagnostics';

/** What an errno means to a user. */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EPIPE: 'output closed',
  ECONNREFUSED: 'connection refused',
  EADDRINUSE: 'address already in use',
  Z_DATA_ERROR: 'damaged gzip data',
  Z_BUF_ERROR: 'gzip data cut short',
  ERR_STRING_TOO_LONG: 'a line too long to hold in memory',
  ERR_OUT_OF_RANGE: 'a value out of range',
};

/** `file: problem` for a failure, whatever threw it. */
export function describeFailure(error: unknown): string {
  if (error instanceof CablegraphError) {
    return error.file && !error.message.includes(error.file) ? `${error.file}: ${error.message}` : error.message;
  }
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (e && typeof e === 'object') {
    const reason = (e.code && REASONS[e.code]) || undefined;
    const where = e.path ?? e.dest;
    if (reason && where) return `${where}: ${reason}`;
    if (reason) return `${reason} (${e.syscall ?? e.code})`;
    if (e instanceof RangeError && /Invalid string length|Array buffer allocation failed/.test(e.message))
      return 'out of memory: an input is too large';
    if (typeof e.message === 'string')
      return `internal error: ${e.message.split('\n')[0]} (CABLEGRAPH_DEBUG=1 shows where)`;
  }
  return `internal error: ${String(error)}`;
}
