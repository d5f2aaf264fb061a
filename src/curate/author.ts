// Who takes a decision or sets a bookmark, when the request does not say.
import * as os from 'os';

/** Who is deciding: the given author, else $CABLEGRAPH_AUTHOR, else the login name. */
export function defaultAuthor(): string {
  if (process.env.CABLEGRAPH_AUTHOR) return process.env.CABLEGRAPH_AUTHOR;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
