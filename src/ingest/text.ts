/**
 * Markdown renderings of cable pages: link syntax back to the text it shows.
 * `[PREL](#)` → `PREL`; `[1](#)2.` (¶ anchor then the number) → `2.`; `[B](#). 04 PARIS` → `B. 04 PARIS`.
 */
export function renderMarkdownCable(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    // A paragraph anchor (the viewer's ¶, rendered as `[1](#)`) right before the paragraph number.
    .replace(/\[\d+\]\(#[^)]*\)(?=\d)/g, '')
    .replace(/\[([^\]\n]*)\]\(#[^)]*\)/g, '$1');
}

/** Plain text: only line endings are normalized. */
export function renderPlainCable(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
