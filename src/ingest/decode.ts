// Bytes → text: encodings detected, and what was wrong with the bytes.
import type { Diagnostic } from '../common/diagnostics';

/** The outcome of turning a file's bytes into text: the text (if any) and what was wrong with it. */
export interface DecodedText {
  /** `undefined` when the bytes are not a cable at all (empty, binary): the caller skips the file. */
  text?: string;
  diagnostics: Diagnostic[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** How many bytes at the start of a file we look at to call it binary. */
const SNIFF_BYTES = 8192;

/** 1-based line of byte offset `at` (counting `\n` before it). */
export function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Offset of the first byte that breaks UTF-8, found by decoding growing prefixes in halves. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  // Plain scan of the UTF-8 grammar: cheaper to write and read than bisection, and only run on bad files.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Bytes → text. Empty and binary files yield no text (an error to report, the file skipped);
 * invalid UTF-8 is decoded with U+FFFD replacements and a warning naming the first bad line,
 * so a cable with one bad byte is still read; NUL bytes after the first 8 KB are removed with a
 * warning (or the file called binary when they are more than 1% of it).
 */
export function decodeCableBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return {
      diagnostics: [{ severity: 'warning', rule: 'ingest:empty', message: 'empty input, nothing to read', file }],
    };
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) {
    return {
      diagnostics: [
        {
          severity: 'warning',
          rule: 'ingest:binary',
          message: 'binary data (NUL bytes), not a cable; skipped',
          file,
          line: lineOfByte(bytes, head.indexOf(0)),
        },
      ],
    };
  }
  // NUL bytes past the sniffed head: a damaged or concatenated file. Dropped with a warning (they
  // are never cable text), unless there are so many that the file is binary after all.
  const diagnostics: Diagnostic[] = [];
  const firstNul = bytes.indexOf(0, SNIFF_BYTES);
  if (firstNul >= 0) {
    let nuls = 0;
    for (let i = firstNul; i < bytes.length; i += 1) if (bytes[i] === 0) nuls += 1;
    if (nuls * 100 > bytes.length) {
      return {
        diagnostics: [
          {
            severity: 'warning',
            rule: 'ingest:binary',
            message: `binary data (${nuls} NUL bytes from byte ${firstNul}), not a cable; skipped`,
            file,
            line: lineOfByte(bytes, firstNul),
          },
        ],
      };
    }
    diagnostics.push({
      severity: 'warning',
      rule: 'ingest:nul-bytes',
      message: `${nuls} NUL byte${nuls === 1 ? '' : 's'} from byte ${firstNul} (damaged file?); removed, the rest read`,
      file,
      line: lineOfByte(bytes, firstNul),
    });
    bytes = bytes.filter((b) => b !== 0);
  }
  try {
    return { text: strictUtf8.decode(bytes), diagnostics };
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    return {
      text: lossyUtf8.decode(bytes),
      diagnostics: [
        ...diagnostics,
        {
          severity: 'warning',
          rule: 'ingest:invalid-utf8',
          message: `invalid UTF-8 at byte ${at}; bad bytes replaced with U+FFFD`,
          file,
          line: lineOfByte(bytes, at),
        },
      ],
    };
  }
}
