import { readingLevel } from '../../../../domain/consent-readability';

/**
 * The reading level of the text as it is typed, beside the text box. Patient-facing documents
 * aim at school grade 6–8; above that the note says so in words, not by colour alone.
 */
export function ReadingLevelNote({ id, text }: { id: string; text: string }) {
  const level = readingLevel(text);
  return (
    <p className="hint" id={id}>
      {level === null ? (
        'Reading level: shown once the text has sentences (aim for grade 6–8).'
      ) : (
        <>
          {`Reading level: grade ${level.grade} (aim for 6–8)`}
          {Number(level.grade) > 8 && ': shorter sentences and shorter words make it easier to read'}
          {`. ${level.words.toLocaleString('en-US')} words in ${level.sentences.toLocaleString('en-US')} ${level.sentences === 1 ? 'sentence' : 'sentences'}; headings are not counted.`}
        </>
      )}
    </p>
  );
}
