import type { UseFormRegister } from 'react-hook-form';
import type { ConsentDocumentVersion } from '../../../../contract/consent-methods';
import { CheckboxField } from '../../../components/CheckboxField';
import type { FieldMessages } from '../../../lib/field-messages';
import { fieldId } from '../../../lib/focus-field';
import type { ConsentFormValues } from './consent-form';
import { consentTextBlocks } from './consent-text';

/**
 * The exact text the patient reads, large and in its own scrolling box (reachable by keyboard),
 * then each point the clinic marks to initial as a checkbox the signer ticks themselves.
 */
export function ConsentText({
  prefix,
  version,
  register,
  messages,
}: {
  prefix: string;
  version: ConsentDocumentVersion;
  register: UseFormRegister<ConsentFormValues>;
  messages: FieldMessages;
}) {
  const { content } = version;
  const textId = fieldId(prefix, 'text');
  const initialsError = messages.get('initialled');
  return (
    <section className="consent-reading" aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`} className="consent-title" dir="auto">
        {content.title}
      </h2>
      <p className="hint">
        Version {version.version} of this text. Read it all: scroll inside the box. The signature binds this exact text.
      </p>
      <div className="consent-text" id={textId} tabIndex={0} role="region" aria-label={`Text of ${content.title}`}>
        {consentTextBlocks(content.body).map((block, index) =>
          block.kind === 'heading' ? (
            <h3 key={index} dir="auto">
              {block.text}
            </h3>
          ) : (
            <p key={index} dir="auto">
              {block.text}
            </p>
          ),
        )}
      </div>
      {content.initialPoints.length > 0 && (
        <fieldset
          id={fieldId(prefix, 'initialled')}
          className={initialsError === undefined ? 'consent-initials' : 'consent-initials field-invalid'}
          tabIndex={-1}
        >
          <legend className="field-label">Points to initial</legend>
          <p className="hint">The signer ticks each point themselves to confirm they read and understood it.</p>
          {initialsError !== undefined && (
            <p className="field-error">
              <span className="visually-hidden">Error </span>
              {initialsError}
            </p>
          )}
          {content.initialPoints.map((point) => (
            <CheckboxField
              key={point.id}
              id={fieldId(prefix, `initialled.${point.id}`)}
              label={
                <span dir="auto">
                  <span className="consent-initial-label">Initial:</span> {point.text}
                </span>
              }
              registration={register(`initialled.${point.id}`)}
              error={messages.get(`initialled.${point.id}`)}
            />
          ))}
        </fieldset>
      )}
    </section>
  );
}
