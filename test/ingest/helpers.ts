import * as fs from 'fs';
import * as path from 'path';
import { readCables, type RawCable } from '../../src/ingest';
import type { Diagnostic } from '../../src/common/diagnostics';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const FIXTURES = path.join(__dirname, 'fixtures');
export const fixture = (name: string): string => path.join(FIXTURES, name);
export const readFixture = (name: string): string => fs.readFileSync(fixture(name), 'utf8');

/** Every cable and every reported problem of a read. */
export async function readAll(inputs: string[]): Promise<{ cables: RawCable[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const cables: RawCable[] = [];
  for await (const raw of readCables(inputs, { onDiagnostic: (d) => diagnostics.push(d) })) cables.push(raw);
  return { cables, diagnostics };
}
