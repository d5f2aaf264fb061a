// The text/markdown reader: cable pages as text, link syntax turned back into the text it shows.
/**
 * Markdown renderings of cable pages: link syntax back to the text it shows.
 * `[PREL](#)` → `PREL`; `[1](#)2.` (¶ anchor then the number) → `2.`; `[B](#). 04 PARIS` → `B. 04 PARIS`.
 */
export function renderMarkdownCable(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, '\n')
      // A paragraph anchor (the viewer's ¶, rendered as `[1](#)`) right before the paragraph number.
      // Neither the text nor the target of a link holds a bracket, parenthesis or line break: every
      // scan stops at the next one, so the replacements are linear (`[^\]\n]*` and `[^)]*` rescanned
      // the rest of the line, or file, from each `[`).
      .replace(/\[\d+\]\(#[^()\n]*\)(?=\d)/g, '')
      .replace(/\[([^\][\n]*)\]\(#[^()\n]*\)/g, '$1')
  );
}

/** Plain text: only line endings are normalized. */
export function renderPlainCable(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
