import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewComputed, ReviewContent } from '../../src/domain/course-review';
import { versionDocumentText } from '../../src/domain/record-document';
import type { RecordVersionView } from '../../src/domain/record-view';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import type { RecordSummaryInput } from '../../src/pdf/record-summary-input';
import { signPdf } from '../../src/signing/sign-pdf';
import { createClinic, pdfsig, scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { clinic, patient } from './summary-fixture';

const signedAt = '2026-12-01T15:30:00.000Z';
const content: ReviewContent = {
  planRecordId: 12,
  reviewDate: '2026-12-01',
  outcome: 'partial',
  decision: 'maintenance',
  maintenanceIntervalDays: 28,
  reason: 'Pain down from 7 to 3 over the series; tolerated well.',
  notes: 'Patient prefers afternoon appointments.',
};
const computed: ReviewComputed = {
  plan: {
    recordId: 12,
    versionId: 41,
    version: 1,
    drugName: 'Ketamine hydrochloride',
    signedAt: '2026-11-02T14:00:00.000Z',
    signedBy: 'Ana Ruiz, MD',
    plannedInfusions: 6,
  },
  sessionsCharted: 6,
  sessionsCompleted: 5,
  sessionsWithoutDose: 1,
  seriesMg: '1217.2',
  patientTotalMg: '2434.4',
  scales: [{ scale: 'painNrs', name: 'Pain (NRS 0–10)', baseline: 7, latest: 3, latestSeriesNumber: 6 }],
};

/** A signed review version, sealed as the records service seals it. */
function reviewInput(): RecordSummaryInput {
  const base = {
    id: 60,
    recordId: 20,
    version: 1,
    status: 'signed' as const,
    displayStatus: 'Signed' as const,
    amendsVersionId: null,
    amendmentReason: null,
    supersededByVersionId: null,
    examVersionId: null,
    formularyVersion: null,
    authorUserId: 2,
    authorPrintedName: 'Ana Ruiz, MD',
    createdAt: '2026-12-01T15:00:00.000Z',
    updatedAt: signedAt,
    signedAt,
  };
  const recordJson = versionDocumentText({
    recordType: 'review',
    recordId: base.recordId,
    patientId: 3,
    versionId: base.id,
    version: base.version,
    createdAt: base.createdAt,
    signedAt,
    amendsVersionId: null,
    amendmentReason: null,
    examVersionId: null,
    formularyVersion: null,
    authorUserId: base.authorUserId,
    content,
    computed,
  });
  const sha = createHash('sha256').update(recordJson, 'utf8').digest('hex');
  const signature = { printedName: 'Ana Ruiz, MD', meaning: 'authored' as const, signedAt };
  const version: RecordVersionView = {
    ...base,
    recordType: 'review',
    content,
    computed,
    contentSha256: sha,
    signatures: [{ id: 90, signerUserId: 2, contentSha256: sha, ...signature }],
  };
  return {
    clinic,
    patient,
    record: {
      id: 20,
      type: 'review',
      patientId: 3,
      createdAt: base.createdAt,
      discontinued: null,
      versions: [version],
    },
    versionId: version.id,
    examVersion: null,
    signature,
    recordJson,
    recordSha256: sha,
  };
}

let path: string;

beforeAll(() => {
  const directory = scratchDirectory();
  const signers = createClinic();
  const pdf = signPdf(renderRecordSummarySync(reviewInput()), {
    certificatePem: signers.physician.certificatePem,
    privateKeyPem: signers.physician.privateKeyPem,
    chainPems: [signers.root.certificatePem],
    signingTime: new Date(signedAt),
  });
  path = writeScratch(directory, 'review.pdf', pdf);
});

describe('the signed summary of a course review', () => {
  it('prints the banner, the plan reviewed, the figures, the outcome, decision and reason, and the signature', () => {
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Course review',
      'ŻÓŁĆ, Zoë Łucja',
      'LIC-004217',
      'Ketamine hydrochloride infusion plan, record 12 version 1',
      '6 charted of 6 planned, 5 completed',
      '1,217.2 mg',
      '2,434.4 mg',
      'baseline 7 (exam), latest 3 (session 6)',
      'Partial response',
      'Maintenance, every 28 days',
      'Pain down from 7 to 3 over the series; tolerated well.',
      '01-Dec-2026',
      'Ana Ruiz, MD',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('verifies in pdfsig', () => {
    const report = pdfsig(path);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('refuses to print a review signed without its computed figures', () => {
    const input = reviewInput();
    const [version] = input.record.versions;
    if (version?.recordType !== 'review') throw new Error('expected a review');
    const bare = { ...version, computed: null };
    const recordJson = versionDocumentText({
      ...(JSON.parse(input.recordJson) as Parameters<typeof versionDocumentText>[0]),
      computed: null,
    });
    const sha = createHash('sha256').update(recordJson, 'utf8').digest('hex');
    expect(() =>
      renderRecordSummarySync({
        ...input,
        record: { ...input.record, versions: [{ ...bare, contentSha256: sha }] },
        recordJson,
        recordSha256: sha,
      }),
    ).toThrow('computed at signing');
  });
});
