import * as fs from 'fs';
import * as path from 'path';
import { readCableText, renderMarkdownCable } from '../../src/ingest';
import { SHARED } from './helpers';

describe('markdown renderings', () => {
  const seed = fs.readFileSync(path.join(SHARED, 'seeds/000_95b061aa67c0afb6.txt'), 'utf8');
  const body = readCableText(seed, 'markdown', '000.txt').body;

  test('tag links become their codes', () => {
    expect(body).toContain('TAGS: PREL PROP PHUM IZ FR\n');
  });
  test('lettered reference links keep their letter', () => {
    expect(body).toContain('REF: A. 04 STATE 274965\n\nB. 04 PARIS 9098');
  });
  test('paragraph anchors before the number vanish: [1](#)2. → 2.', () => {
    expect(body).toMatch(/\n1\. \(C\) Poloff reviewed/);
    expect(body).toMatch(/\n2\. \(C\) Chappedelaine stressed/);
    expect(body).toMatch(/\n4\. \(U\) Baghdad minimize considered\./);
    expect(body).not.toContain('](#)');
  });
  test('links to other anchors and CRLF line ends', () => {
    expect(renderMarkdownCable('SEE [PARA 3](#par3) ABOVE\r\nNEXT')).toBe('SEE PARA 3 ABOVE\nNEXT');
  });
});

describe('plain text', () => {
  test('kept as is, line ends normalized', () => {
    expect(readCableText('UNCLAS PARIS 000001\r\n\r\n1. TEXT.\r\n', 'text', 'a.txt').body).toBe(
      'UNCLAS PARIS 000001\n\n1. TEXT.\n',
    );
  });
});
