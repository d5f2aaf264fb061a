import * as fs from 'fs';
import * as path from 'path';
import { readCableText, readCableViewerPage } from '../../src/ingest';
import { SHARED, fixture, readFixture } from './helpers';

describe('Cable Viewer HTML pages', () => {
  const file = path.join(SHARED, 'corpus/cablegate/cable/2008/01/08BAGHDAD293.html');
  const page = readCableViewerPage(fs.readFileSync(file, 'utf8'));

  test('metadata table, by its column headings', () => {
    expect(page.metadata).toEqual({
      referenceId: '08BAGHDAD293',
      created: '2008-01-31 15:03',
      released: '2010-12-05 12:12',
      classification: 'CONFIDENTIAL',
      origin: 'Embassy Baghdad',
    });
    expect(page.truncation).toBeUndefined();
  });

  test('routing header block and text block, entities decoded, sidebar ignored', () => {
    expect(page.preBlocks).toHaveLength(2);
    expect(page.preBlocks[0].split('\n')).toEqual([
      'VZCZCXRO8340',
      'OO RUEHBC RUEHDE RUEHIHL RUEHKUK',
      'DE RUEHGB #0293/01 0311555',
      'ZNY CCCCC ZZH ZDK',
      'O 311555Z JAN 08',
      'FM AMEMBASSY BAGHDAD',
      'TO RUEHC/SECSTATE WASHDC IMMEDIATE 5519',
      'INFO RUCNRAQ/IRAQ COLLECTIVE PRIORITY',
    ]);
    const body = page.preBlocks[1];
    expect(body.startsWith('C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000293 \n\nSIPDIS')).toBe(true);
    expect(body).toContain('TAGS: PGOV PREL IZ\n');
    expect(body).not.toContain('¶');
    expect(body).not.toContain('<');
    expect(body).not.toContain('Discussing cables');
  });

  test('partial extract (one <pre>): the text, no header, entities decoded, caveat in the classification', () => {
    const raw = readCableText(readFixture('partial-extract.html'), 'html', 'partial-extract.html');
    expect(raw.header).toBeUndefined();
    expect(raw.metadata.classification).toBe('CONFIDENTIAL//NOFORN');
    expect(raw.metadata.referenceId).toBe('06TOKYO1234');
    expect(raw.body).toContain('SUBJECT: LUNCH WITH "VICE MINISTER" & STAFF');
    expect(raw.body).toContain('\n\n1. (C) Summary text <here>.');
    expect(raw.diagnostics).toEqual([]);
  });

  test('truncated page: kept with what is there, the problem recorded', () => {
    const raw = readCableText(readFixture('truncated.html'), 'html', fixture('truncated.html'));
    expect(raw.header).toContain('FM SECSTATE WASHDC');
    expect(raw.body).toContain('SUBJECT: A PAGE CUT IN THE MIDD');
    expect(raw.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'ingest:truncated-page', file: fixture('truncated.html') }),
    ]);
    expect(raw.diagnostics[0].message).toMatch(/<pre> not closed/);
  });

  test('<br> before an encoded line break is one break; lettered ¶ anchors dropped; press-article row ignored', () => {
    const raw = readCableText(readFixture('br-breaks.html'), 'html', 'br-breaks.html');
    expect(raw.body).toBe('SIPDIS \n\nREF: A. 08 LAPAZ 2606 \nB. LA PAZ 6 \nline without encoded break');
    expect(raw.metadata.referenceId).toBe('09LAPAZ1');
  });
});
