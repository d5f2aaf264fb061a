import * as fs from 'fs';
import * as path from 'path';
import { readCableText, type RawCable } from '../../src/ingest';

export const SHARED = path.resolve(__dirname, '../../../shared');

/** A Cable Viewer HTML page → RawCable, through the real reader. */
export function rawFromHtml(file: string): RawCable {
  return readCableText(fs.readFileSync(file, 'utf8'), 'html', file);
}

/** Plain or markdown text → RawCable, through the real reader. */
export function rawFromText(text: string, file = 'fixture.txt', format: 'text' | 'markdown' = 'text'): RawCable {
  return readCableText(text, format, file);
}

/** Entity-annotated text → RawCable with the brackets removed, through the real reader. */
export function rawFromAnnotated(text: string, file = 'annotated.txt'): RawCable {
  return readCableText(text, 'annotated', file);
}
