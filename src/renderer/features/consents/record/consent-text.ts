/** A part of a consent's text as the patient reads it. */
export type ConsentTextBlock = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string };

/**
 * The body as written, in headings (lines starting "# ") and paragraphs (runs of lines between
 * blank lines, their line breaks kept). Nothing is reworded or dropped but blank lines: the
 * patient reads the exact text its SHA-256 binds.
 */
export function consentTextBlocks(body: string): ConsentTextBlock[] {
  const blocks: ConsentTextBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (line.startsWith('# ')) {
      endParagraph();
      blocks.push({ kind: 'heading', text: line.slice(2).trim() });
    } else if (line.trim() === '') {
      endParagraph();
    } else {
      paragraph.push(line);
    }
  }
  endParagraph();
  return blocks;
}
