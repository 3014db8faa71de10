import type { ConsentDocumentContent } from '../../../../domain/consent';
import type { Fact } from '../../../components/Facts';

/** The rules of a version in words, e.g. "12 months from the patient's signature". */
export function consentRuleFacts(content: ConsentDocumentContent): Fact[] {
  const renewals = [
    content.renewForNewSeries ? 'a new series' : null,
    content.renewForNewText ? 'a new version of the text' : null,
    content.validMonths === null ? null : 'its months have passed',
  ].filter((text) => text !== null);
  return [
    {
      label: 'Indications covered',
      value: content.indicationCodes.length === 0 ? 'Every indication' : content.indicationCodes.join(', '),
    },
    {
      label: 'Valid for',
      value:
        content.validMonths === null
          ? 'Until withdrawn or renewed'
          : `${content.validMonths} ${content.validMonths === 1 ? 'month' : 'months'} from the patient's signature`,
    },
    {
      label: 'New consent needed after',
      value: renewals.length === 0 ? 'Only a withdrawal' : renewals.join('; '),
    },
    { label: 'Witness', value: content.witnessRequired ? 'A witness must sign' : 'No witness required' },
  ];
}

/** Paragraphs split at blank lines; a line starting with "# " is a heading of its own. */
function blocksOf(body: string): { heading: boolean; text: string }[] {
  const blocks: { heading: boolean; text: string }[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = paragraph.join('\n').trim();
    if (text !== '') blocks.push({ heading: false, text });
    paragraph = [];
  };
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (/^\s*# /.test(line)) {
      flush();
      blocks.push({ heading: true, text: line.replace(/^\s*# /, '').trim() });
    } else if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** The text of one version, read-only, as the patient reads it: title, text, the points they initial. */
export function ConsentVersionText({ content }: { content: ConsentDocumentContent }) {
  return (
    <div className="consent-version-text">
      <p className="label">Title</p>
      <p dir="auto">{content.title}</p>
      <p className="label">Text</p>
      {blocksOf(content.body).map((block, index) =>
        block.heading ? (
          <h4 key={index} dir="auto">
            {block.text}
          </h4>
        ) : (
          <p key={index} className="narrative" dir="auto">
            {block.text}
          </p>
        ),
      )}
      <p className="label">Points the patient initials</p>
      {content.initialPoints.length === 0 ? (
        <p className="value-unknown">None</p>
      ) : (
        <ol>
          {content.initialPoints.map((point) => (
            <li key={point.id} dir="auto">
              {point.text} <span className="hint">({point.id})</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
