import { formatDateTime } from '../domain/time';
import { formatPrintedName } from '../domain/user';
import { auditSummary } from './audit-entries';
import { exportSummary } from './summary';
import type { LazyExportFile } from './export-file';
import type { ExportSnapshot } from './snapshot';

export const readmePath = 'README.txt';

function counts(snapshot: ExportSnapshot, filesBefore: number): string[] {
  const summary = exportSummary(snapshot);
  const sessionPdfs = snapshot.signedPdfs.filter((pdf) => pdf.sessionSignatureId !== undefined).length;
  const consentPdfs = snapshot.signedPdfs.filter((pdf) => pdf.consentId !== undefined).length;
  const audit = auditSummary(snapshot.auditEntries);
  const first = audit.firstSeq ?? undefined;
  const last = audit.lastSeq ?? undefined;
  return [
    `  ${snapshot.patients.length} patients`,
    `  ${summary.exams.records} exams (${summary.exams.versions} versions)`,
    `  ${summary.plans.records} infusion plans (${summary.plans.versions} versions)`,
    `  ${summary.reviews.records} course reviews (${summary.reviews.versions} versions)`,
    `  ${summary.signatures} signatures`,
    `  ${summary.sessions} infusion sessions (${summary.entries} charted entries, ${summary.sessionSignatures} session signatures)`,
    `  ${audit.count} audit log entries${first === undefined ? '' : ` (numbers ${first} to ${last ?? first})`}`,
    `  ${summary.consents} recorded consents (${summary.withdrawnConsents} withdrawn)`,
    `  ${snapshot.signedPdfs.length - sessionPdfs - consentPdfs} signed PDF summaries of records, ${sessionPdfs} signed session records, ${consentPdfs} signed consents`,
    `  ${filesBefore + 2} files in all, counting this one and manifest.json`,
  ];
}

/**
 * README.txt: what each file is and how to check it without the app. Plain text, because
 * whoever opens an export years from now may have nothing else.
 */
export function buildReadme(snapshot: ExportSnapshot): LazyExportFile {
  return {
    path: readmePath,
    // Written after every other file but the manifest: it counts those that were written.
    *produce(written) {
      yield new TextEncoder().encode(readmeText(snapshot, written.size));
    },
  };
}

function readmeText(snapshot: ExportSnapshot, filesBefore: number): string {
  const zone = snapshot.clinic.timeZone;
  const hasCertificate = snapshot.clinicRootCertificatePem !== null;
  const lines = [
    'DOSING LEDGER - AUDITOR EXPORT',
    '',
    `Clinic       ${snapshot.clinic.name}`,
    ...(snapshot.clinic.address === '' ? [] : [`Address      ${snapshot.clinic.address}`]),
    `Exported     ${formatDateTime(snapshot.exportedAt, zone)} (${snapshot.exportedAt} UTC), clinic time zone ${zone}`,
    `Exported by  ${formatPrintedName(snapshot.exportedBy)} (${snapshot.exportedBy.username})`,
    `Selection    ${snapshot.selection.description}`,
    '',
    'Contents',
    ...counts(snapshot, filesBefore),
    '',
    'WHAT IS IN THIS EXPORT',
    '',
    'pdf/                    The signed PDF summaries, byte for byte as stored when each',
    '                        record version was signed, and the infusion session records as',
    '                        stored when each session signature was given (never regenerated).',
    'fhir/bundle.json        All records as one HL7 FHIR R4 Bundle of type "collection".',
    'fhir/ndjson/<Type>.ndjson',
    '                        The same resources as FHIR Bulk Data NDJSON: one file per',
    '                        resource type the export holds, one resource per line.',
    "                        The Bundle, the NDJSON and the CSV files list the clinic's own",
    "                        resources and rows first, then each patient's together,",
    '                        patients in the order of their patient_id.',
    'csv/                    The same records as spreadsheets (UTF-8 with BOM, RFC 4180, CRLF).',
    '                        Course reviews: reviews.csv (one row per version: outcome,',
    "                        decision, reason, and the series' figures frozen at signing).",
    '                        Infusion sessions: sessions.csv (one row per session),',
    '                        session-events.csv (start, rate changes, pauses, resumes, stop,',
    '                        end), session-observations.csv (baseline, timed checks, discharge),',
    '                        session-adverse-events.csv and session-signatures.csv.',
    '                        Informed consent: consents.csv (one row per recorded consent: the',
    '                        text version and its SHA-256, the signers, its state at export',
    '                        time, any withdrawal).',
    '                        The controlled-substance register, whole: register-receipts.csv,',
    '                        register-containers.csv, register-entries.csv (one row per entry',
    '                        with its running balance) and register-inventories.csv.',
    'audit/audit-log.ndjson  The audit log entries of this export, one per line, as chained.',
    'audit/checkpoint.json   The head of the whole audit chain when the export was taken.',
    ...(hasCertificate
      ? [
          'certificates/clinic-root.pem',
          "                        The clinic's root certificate, which issued every signer's certificate.",
        ]
      : []),
    'manifest.json           SHA-256 and size of every other file.',
    '',
    'HOW TO VERIFY',
    '',
    '1. Nothing changed since export: compute the SHA-256 of each file (sha256sum FILE, or',
    '   Get-FileHash FILE on Windows) and compare with manifest.json.',
    '',
    '2. Signed PDFs, with poppler-utils:',
    '     pdfsig pdf/FILE.pdf',
    '   should report "Signature is Valid." and "Total document signed". With the clinic root',
    '   in the trust store it also reports "Certificate is Trusted.". Read the output: pdfsig',
    '   exits 0 even when the digest does not match.',
    ...(hasCertificate
      ? [
          '   To trust the clinic root (NSS tools):',
          '     mkdir nss && certutil -N -d sql:nss --empty-password',
          '     certutil -A -d sql:nss -n clinic-root -t CT,C,C -i certificates/clinic-root.pem',
          '     pdfsig -nssdir sql:nss pdf/FILE.pdf',
        ]
      : []),
    '   With Dosing Ledger installed (checks the signature, that it covers the whole file, the',
    '   certificate chain to the clinic root, and the embedded record against its printed SHA-256):',
    `     dosing-ledger verify pdf/FILE.pdf${hasCertificate ? ' --trust certificates/clinic-root.pem' : ''}`,
    '   Exit code 0 valid, 1 invalid, 2 unusable input; one line per check.',
    '',
    "3. The audit trail, on the clinic's database:",
    '     dosing-ledger audit verify --db FILE',
    '   checks the whole hash chain and every signed record. The chain it reports must reach at',
    '   least the checkpoint: the entry numbered headSeq must still have the hash headHash.',
    '   Without the app, each line of audit/audit-log.ndjson can be checked by hand:',
    '     hash = SHA-256 hex of (prevHash + canonical JSON of {seq, at, actorUserId, action,',
    '            entityType, entityId, details, prevHash}), where details is itself the',
    '            canonical JSON text of the details object',
    "   (canonical JSON: keys sorted, no spaces). Each entry's prevHash is the hash of the one",
    '   before it; the first entry of the chain has 64 zeros.',
    '',
    "4. Each signature binds the SHA-256 of its record version's canonical JSON. It is printed",
    '   on the PDF, listed in csv/signatures.csv (content_sha256), and carried in FHIR as the',
    '   extension urn:dosing-ledger:fhir:extension:content-sha256 on Provenance.signature.',
    '',
    'READING THE DATA',
    '',
    "- Times: the CSV files give each instant in UTC (ISO 8601) and in the clinic's time zone",
    '  with its UTC offset. FHIR instants are UTC.',
    '- Quantities are exact decimals. FHIR decimals are written from the decimal text, never',
    '  through binary floating point. A weight entered in lb is converted at exactly',
    '  0.45359237 kg per lb and not rounded; derived doses and rates are those the app',
    '  computed and showed when the plan was signed, rounded by the rule printed beside them.',
    '- CSV cells that begin with = + - @, a tab or a carriage return start with an apostrophe',
    '  so that spreadsheets do not run them as formulas; the FHIR files hold the exact text.',
    '- CSV lists every version, drafts included, with its status: Draft, Signed, Amended,',
    '  Superseded or Discontinued. FHIR holds signed versions only.',
    '- FHIR: each signed plan version is a MedicationRequest (id plan-<record>-v<version>). The',
    '  current version is "active"; a version replaced by an amendment, and a discontinued',
    '  plan, are "stopped", with the reason in statusReason; an amendment names the version it',
    '  replaces in priorPrescription. Its medication is a contained Medication: the drug, with',
    "  the RxNorm code of its formulary entry when the clinic gave one, and the prepared bag's",
    '  strength as signed (total mg per final bag volume, a ratio). An exam is one Encounter',
    '  with its Condition and Observations; they carry the exam version as meta.versionId, and',
    '  an observation changed by an amendment is "amended". Each signature, amendment and',
    '  discontinuation is a Provenance; each audit log entry is an AuditEvent.',
    '- Infusion sessions: entries are never edited; a correction is a new entry naming the',
    '  entry it corrects and why. The CSV files list every entry with entry_status (Current,',
    '  or Corrected by entry N), occurred_at (when it happened, as charted) and recorded_at',
    '  (when it was saved), who charted it, corrects_entry_id, correction_reason and witness.',
    '  FHIR states only the standing entries as facts: a correction is a new version of the',
    '  same resource (meta.versionId), "corrected" where a value changed, "entered-in-error"',
    '  where the correction removed it. Each session is an Encounter (id session-<id>). The',
    '  infusion is a MedicationAdministration (session-<id>-infusion) containing the same',
    '  Medication with its lot. Once the volume infused is charted, its dose is the mg that',
    '  volume of the bag held (rounded to 0.01 mg, the arithmetic in dosage.text), with the',
    '  volume in the extension urn:dosing-ledger:fhir:extension:volume-infused; while running,',
    '  paused, or stopped without a volume, it gives the pump rate of its latest stretch instead.',
    '  Each stretch at one pump rate is its own MedicationAdministration, partOf it, with its',
    '  rate in mL/h as charted (as R4 asks for rate changes); a pause is the gap between stretches.',
    '  Vital signs follow the R4 vital signs profile; MOAA/S sedation, CADSS-6 and nausea use',
    '  urn:dosing-ledger:observation-code codes; adverse events are AdverseEvent resources.',
    '  Each session signature is a Provenance (session-signature-<id>) whose signature carries',
    '  the SHA-256 of the session and its entries up to last-entry-id.',
    '- Informed consent: each recorded consent is a Consent (id consent-<id>), scope',
    '  "treatment", its policyRule coded in urn:dosing-ledger:consent-text-sha256 by the',
    '  SHA-256 of the text version the patient read, provision.period from the signature to',
    '  the withdrawal or expiry. A withdrawn or expired consent is "inactive" (consents.csv',
    '  says which); the withdrawal, with its reason, is the Provenance consent-<id>-withdrawn.',
    '  sourceAttachment is the signed consent PDF under pdf/ when stored (hash: base64 SHA-1,',
    '  as R4 defines it). A representative who signed is a RelatedPerson. The signatures',
    '  (signer, consenting clinician, witness) are the Provenance consent-<id>-signed.',
    '',
  ];
  // CRLF: the reader may well open it in Windows Notepad, which older versions need.
  return lines.join('\r\n');
}
