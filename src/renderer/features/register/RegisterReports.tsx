import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { RegisterDocument } from '../../../contract/register-report-methods';
import { formatDate } from '../../../domain/time';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { ReportRangeFields } from './ReportRangeFields';
import { SignDocumentDialog } from './SignDocumentDialog';
import { saveRegisterDocument, savedDocumentMessage } from './register-document';
import type { ReportRangeErrors, ReportRangeValues } from './register-report-form';
import { defaultReportRange, reportFormatsFor, reportRangeFrom, reportRangeProblems } from './register-report-form';

type Range = { from: string; to: string };

/**
 * The register for a range of clinic days, to download: a PDF signed by the physician or nurse
 * who produces it, or the CSV (all that an auditor or administrator is offered: they hold no
 * signing key, and the server would refuse them the PDF).
 */
export function RegisterReports({ clinicToday }: { clinicToday: string }) {
  const api = useApi();
  const { user, clinic } = useSignedIn();
  const formats = reportFormatsFor(user.role);
  const { register, control, getValues } = useForm<ReportRangeValues>({
    defaultValues: defaultReportRange(clinicToday),
  });
  const [errors, setErrors] = useState<ReportRangeErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState<Range | null>(null);
  const [typedFrom, typedTo] = useWatch({ control, name: ['from', 'to'] });

  const show = (issues: Parameters<typeof reportRangeProblems>[0], message?: string) => {
    const { fields, other } = reportRangeProblems(issues);
    setErrors(fields);
    const rest = other.length > 0 ? other : Object.keys(fields).length === 0 && message !== undefined ? [message] : [];
    setProblem(rest.length === 0 ? null : rest.join(' '));
  };
  const checkedRange = (): Range | null => {
    setSaved(null);
    const { range, issues } = reportRangeFrom(getValues());
    show(issues);
    return range;
  };
  const done = (document: RegisterDocument) => {
    setSigning(null);
    setSaved(savedDocumentMessage(document));
  };
  const csv = async () => {
    const range = checkedRange();
    if (range === null) return;
    setBusy(true);
    const result = await api.call('register.report', { ...range, format: 'csv' });
    setBusy(false);
    if (!result.ok) return show(result.error.issues ?? [], result.error.message);
    saveRegisterDocument(result.value);
    done(result.value);
  };

  return (
    <section className="card" id="register-reports" tabIndex={-1} aria-labelledby="register-reports-title">
      <h2 id="register-reports-title">Reports</h2>
      <p>
        The register for a range of days in the clinic’s time zone ({clinic.timeZone}): stock, receipts, use per
        session, returns, destruction, losses and inventories.{' '}
        {formats.includes('pdf')
          ? 'The PDF is signed by you; the CSV has one row per entry.'
          : 'A signed PDF is produced by a physician or a nurse; you can take the CSV, one row per entry.'}
      </p>
      {problem !== null && (
        <Notice tone="error" live="alert">
          {problem}
        </Notice>
      )}
      <ReportRangeFields
        registration={{ from: register('from'), to: register('to') }}
        typed={{ from: typedFrom, to: typedTo }}
        errors={errors}
      />
      <div className="actions">
        {formats.includes('pdf') && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              const range = checkedRange();
              if (range !== null) setSigning(range);
            }}
          >
            Download the signed PDF
          </button>
        )}
        {formats.includes('csv') && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void csv()}>
            {busy ? 'Preparing the CSV…' : 'Download the CSV'}
          </button>
        )}
      </div>
      <div aria-live="polite">{saved !== null && <Notice tone="success">{saved}</Notice>}</div>
      {signing !== null && (
        <SignDocumentDialog
          title="Sign the register report"
          action="Sign and save the PDF"
          produce={(signer) => api.call('register.report', { ...signing, format: 'pdf', ...signer })}
          onClose={() => setSigning(null)}
          onDone={done}
        >
          <p>
            The controlled-substance register from {formatDate(signing.from)} to {formatDate(signing.to)}, both
            included, as it stands now.
          </p>
        </SignDocumentDialog>
      )}
    </section>
  );
}
