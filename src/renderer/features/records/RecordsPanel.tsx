import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CallError } from '../../../contract/errors';
import type { MethodInput } from '../../../contract/methods';
import { mayCall } from '../../app/permissions';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { NewReviewChooser, reviewablePlans } from '../reviews/NewReviewChooser';
import { candidateExams, NewPlanChooser } from './NewPlanChooser';
import { RecordsTable } from './RecordsTable';

/** The chart's exams and plans, and, for physicians, the way to start new ones. */
export function RecordsPanel({ patientId }: { patientId: number }) {
  const api = useApi();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const { loaded } = useCall('records.list', { patientId }, { live: true });
  const formulary = useCall('formulary.get', {});
  const [choosing, setChoosing] = useState(false);
  const [choosingReview, setChoosingReview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CallError | null>(null);
  const mayCreate = mayCall(user.role, 'records.create');
  const records = loaded.status === 'ready' ? loaded.value.records : [];
  const hasSignedPlan = records.some(
    (record) => record.type === 'plan' && record.versions.some((version) => version.status === 'signed'),
  );
  const drugName = (drugId: string | null) =>
    (formulary.loaded.status === 'ready'
      ? formulary.loaded.value.content.drugs.find((drug) => drug.id === drugId)?.name
      : undefined) ??
    drugId ??
    '';

  const create = async (input: MethodInput<'records.create'>) => {
    setBusy(true);
    setProblem(null);
    const result = await api.call('records.create', input);
    setBusy(false);
    if (result.ok) void navigate(`/patients/${patientId}/records/${result.value.id}`);
    else setProblem(result.error);
  };

  return (
    <section className="card" aria-labelledby="records-title">
      <div className="section-heading">
        <h2 id="records-title">Exams, plans and reviews</h2>
        <div className="record-actions">
          {hasSignedPlan && mayCall(user.role, 'chairside.get') && (
            <Link className="button button-secondary" to={`/patients/${patientId}/chairside`}>
              Chairside view
            </Link>
          )}
          {mayCreate && (
            <>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => void create({ type: 'exam', patientId })}
              >
                New exam
              </button>
              <button
                type="button"
                className="button button-secondary"
                aria-expanded={choosing}
                onClick={() => setChoosing((open) => !open)}
              >
                New plan
              </button>
              <button
                type="button"
                className="button button-secondary"
                aria-expanded={choosingReview}
                onClick={() => setChoosingReview((open) => !open)}
              >
                Sign a course review
              </button>
            </>
          )}
        </div>
      </div>
      {problem !== null && (
        <Notice tone="error" live="alert" title="The record could not be started">
          {problem.message}
        </Notice>
      )}
      {choosing && (
        <NewPlanChooser
          exams={candidateExams(records)}
          busy={busy}
          onStart={(examRecordId) => void create({ type: 'plan', patientId, examRecordId })}
          onCancel={() => setChoosing(false)}
        />
      )}
      {choosingReview && (
        <NewReviewChooser
          plans={reviewablePlans(records, drugName)}
          busy={busy}
          onStart={(planRecordId) => void create({ type: 'review', patientId, planRecordId })}
          onCancel={() => setChoosingReview(false)}
        />
      )}
      <LoadState loaded={loaded} what="exams and plans" />
      {loaded.status === 'ready' &&
        (records.length === 0 ? (
          <p className="value-unknown">No exams or infusion plans recorded yet.</p>
        ) : (
          <RecordsTable records={records} patientId={patientId} drugName={drugName} />
        ))}
    </section>
  );
}
