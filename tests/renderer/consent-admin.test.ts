import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/contract/methods';
import type { ConsentDocumentContent } from '../../src/domain/consent';
import { initialPointSchema } from '../../src/domain/consent';
import { readingLevel } from '../../src/domain/consent-readability';
import type { SignIn } from '../../src/services/sign-in';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import {
  documentFromValues,
  formPathOf,
  pointIdFrom,
  valuesFromContent,
} from '../../src/renderer/features/consents/admin/consent-document-values';
import { ConsentDocumentForm } from '../../src/renderer/features/consents/admin/ConsentDocumentForm';
import { ConsentDocumentsView } from '../../src/renderer/features/consents/admin/ConsentDocumentsPage';
import type { Editing } from '../../src/renderer/features/consents/admin/ConsentDocumentsPage';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';

/**
 * Issue 21's consent documents screen against a real ledger: what the form sends goes through
 * the real services, and the screen is rendered (React's server renderer) from what they answered.
 */
const zone = 'America/New_York';
let app: TestApp;
let admin: SignIn;

const content: ConsentDocumentContent = {
  title: 'Consent to a series of ketamine infusions',
  body: '# Risks\n\nYou may feel far away or sick for an hour. We check your blood pressure.\n\n# Your right to withdraw\n\nYou may stop at any time.',
  initialPoints: [{ id: 'no-driving', text: 'I will not drive until the next day.' }],
  indicationCodes: ['F32', 'F43.1'],
  validMonths: 12,
  renewForNewSeries: true,
  renewForNewText: true,
  witnessRequired: false,
};

function markup(element: ReactElement): string {
  const context = {
    signIn: {
      state: 'active',
      clinic: { name: 'Harbor Infusion Clinic', address: '', timeZone: zone, autoLockMinutes: 10 },
      user: { id: 1, username: 'admin', displayName: 'Alex Admin', credentials: '', role: 'admin' },
      serverTime: new Date().toISOString(),
      locksAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  } as unknown as SignInContextValue;
  return renderToStaticMarkup(
    createElement(SignInContext.Provider, { value: context }, createElement(MemoryRouter, null, element)),
  );
}

/** The text a person reads, tags taken out. */
function text(element: ReactElement): string {
  return markup(element)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

const noop = () => undefined;

function page(data: MethodOutput<'consents.documents'>, editing: Editing = null): ReactElement {
  return createElement(ConsentDocumentsView, {
    data,
    timeZone: zone,
    editing,
    onEdit: noop,
    onSaved: noop,
    onCancel: noop,
    onReload: noop,
  });
}

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, zone);
});
afterAll(() => app.cleanup());

describe('the consent documents page', () => {
  it('offers to write the first document from a template with headings only', () => {
    const data = app.ok(admin, 'consents.documents', {});
    expect(data.template.title).toBe('');
    const lines = data.template.body.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.startsWith('# '))).toBe(true);
    const shown = text(page(data));
    expect(shown).toContain('Write a new consent document');
    expect(shown).toContain('No consent documents yet');
    expect(shown).toContain('Refuse to start an infusion without a current consent (recommended)');
    expect(shown).toContain('Warn, and ask the nurse to say why');
  });

  it('lists a document saved from the form, with its versions, saved when and by whom in clinic time', () => {
    const first = documentFromValues({ ...valuesFromContent(content), reason: 'Approved by the medical director' });
    if (first.input === null) throw new Error(`the form refused: ${JSON.stringify(first.issues)}`);
    const v1 = app.ok(admin, 'consents.saveDocument', { documentId: null, expectedVersion: 0, ...first.input });
    const changed = { ...valuesFromContent(v1.content), validMonths: '6', reason: 'Renewed twice a year' };
    const second = documentFromValues(changed);
    if (second.input === null) throw new Error('the form refused the second version');
    app.ok(admin, 'consents.saveDocument', { documentId: v1.documentId, expectedVersion: 1, ...second.input });

    const shown = text(page(app.ok(admin, 'consents.documents', {})));
    expect(shown).toContain('Consent to a series of ketamine infusions');
    expect(shown).toContain('Current version Version 2');
    expect(shown).toContain('Saved by Alex Admin');
    expect(shown).toContain('Reason Renewed twice a year');
    expect(shown).toContain('Reason Approved by the medical director');
    expect(shown).toMatch(/Saved \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00/);
    expect(shown).toContain('Version history (2 versions)');
    expect(shown).toContain('Version 2 (current)');
    expect(shown).toContain("6 months from the patient's signature");
    expect(shown).toContain("12 months from the patient's signature");
    expect(shown).toContain('You may stop at any time.');
    expect(shown).toContain('I will not drive until the next day.');
    expect(shown).toContain('Edit (new version)');
  });

  it('opens the form on the current version when a document is edited', () => {
    const data = app.ok(admin, 'consents.documents', {});
    const shown = text(page(data, { documentId: data.documents[0]?.current.documentId ?? 0 }));
    expect(shown).toContain('Consent to a series of ketamine infusions: version 3');
    expect(shown).toContain('Save as version 3');
    expect(shown).not.toContain('Write a new consent document');
  });

  it('passes on the service’s refusal of an unchanged version', () => {
    const [entry] = app.ok(admin, 'consents.documents', {}).documents;
    if (entry === undefined) throw new Error('no document');
    const same = documentFromValues({ ...valuesFromContent(entry.current.content), reason: 'Again' });
    if (same.input === null) throw new Error('the form refused');
    const refused = app.call(admin, 'consents.saveDocument', {
      documentId: entry.current.documentId,
      expectedVersion: entry.current.version,
      ...same.input,
    });
    expect(refused.ok ? null : refused.error.message).toBe(
      'Nothing changed since the current version: there is nothing to save.',
    );
  });
});

describe('the consent document form', () => {
  function form(start: ConsentDocumentContent): string {
    return text(
      createElement(ConsentDocumentForm, {
        documentId: null,
        expectedVersion: 0,
        start,
        onSaved: noop,
        onCancel: noop,
        onLoadLatest: noop,
      }),
    );
  }

  it('shows the reading level of the text beside it', () => {
    const grade = readingLevel(content.body)?.grade;
    expect(grade).toMatch(/^\d+\.\d$/);
    expect(form(content)).toContain(`Reading level: grade ${grade ?? ''} (aim for 6–8)`);
  });

  it('has no reading level yet for the template’s headings', () => {
    const { template } = app.ok(admin, 'consents.documents', {});
    const shown = form(template);
    expect(shown).toContain('Reading level: shown once the text has sentences (aim for grade 6–8).');
    expect(shown).toContain('Save as version 1');
  });

  it('makes each point’s ID from its text: kebab-case, unique, as the schema accepts', () => {
    const values = {
      ...valuesFromContent(content),
      reason: 'Points',
      initialPoints: [
        { id: '', text: 'I will not drive until the next day.' },
        { id: '', text: 'I will not drive until the next day!' },
        { id: 'kept', text: 'A point whose ID was typed' },
        { id: '', text: 'Ich verstehe die Risiken – völlig und ganz, auch die seltenen, die man lange übersieht' },
        { id: '', text: '私は理解しました' },
      ],
    };
    const { input, issues } = documentFromValues(values);
    expect(issues).toEqual([]);
    const ids = input?.content.initialPoints.map((point) => point.id);
    expect(ids).toEqual([
      'i-will-not-drive-until-the-next-day',
      'i-will-not-drive-until-the-next-day-2',
      'kept',
      'ich-verstehe-die-risiken-vollig-und-g',
      'point-5',
    ]);
    for (const point of input?.content.initialPoints ?? [])
      expect(initialPointSchema.safeParse(point).success).toBe(true);
    expect(pointIdFrom('Kept', new Set(['kept', 'kept-2']), 1)).toBe('kept-3');
  });

  it('refuses what the schema refuses, beside the field, naming a wrong code; a reason is required', () => {
    const { input, issues } = documentFromValues({
      ...valuesFromContent(content),
      indicationCodes: 'F32, depression',
      validMonths: 'a year',
      reason: ' ',
    });
    expect(input).toBeNull();
    expect(issues).toEqual([
      { path: 'validMonths', message: 'Enter whole months, such as 12, or leave it empty' },
      {
        path: 'indicationCodes',
        message: '“depression”: Enter an ICD-10 code or its first three characters, such as F32',
      },
      { path: 'reason', message: 'Enter the reason for this version' },
    ]);
    expect(formPathOf('content.initialPoints.0.text')).toBe('initialPoints.0.text');
    expect(formPathOf('content.indicationCodes.3')).toBe('indicationCodes');
  });
});
