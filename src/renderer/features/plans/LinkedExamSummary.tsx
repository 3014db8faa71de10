import { useId } from 'react';
import { Link } from 'react-router';
import { candidacyLabels } from '../../../domain/exam';
import { formatDate } from '../../../domain/time';
import { Facts } from '../../components/Facts';
import { Notice } from '../../components/Notice';
import { weightText } from '../../lib/weight-text';
import type { LinkedExam } from '../records/linked-exam';
import { SignatureLines } from '../records/SignatureLines';

/** The signed exam the plan rests on: decision, indication, and the weight with its date and source. */
export function LinkedExamSummary({ exam, patientId }: { exam: LinkedExam | null; patientId: number }) {
  const titleId = useId();
  if (exam === null) {
    return (
      <section className="card card-quiet" aria-labelledby={titleId}>
        <h2 id={titleId}>Exam this plan rests on</h2>
        <p className="value-unknown">The exam could not be found.</p>
      </section>
    );
  }
  const { content } = exam.version;
  const newer = exam.record.versions.filter((version) => version.status === 'signed').at(-1);
  return (
    <section className="card card-quiet linked-exam" aria-labelledby={titleId}>
      <h2 id={titleId}>Exam this plan rests on</h2>
      {newer !== undefined && newer.id !== exam.version.id && (
        <Notice tone="warning">
          The exam was amended after this plan was started: version {newer.version} is now the current one. Check that
          the plan still fits it.
        </Notice>
      )}
      <Facts
        columns={2}
        facts={[
          {
            label: 'Exam',
            value: `${content.examDate === null ? 'Undated' : formatDate(content.examDate)}, version ${exam.version.version}`,
          },
          {
            label: 'Candidacy decision',
            value: content.candidacy.decision === null ? '' : candidacyLabels[content.candidacy.decision],
          },
          { label: 'Indication', value: content.indication.text, autoDirection: true },
          { label: 'Weight at the exam', value: content.weight === null ? '' : weightText(content.weight) },
        ]}
      />
      <SignatureLines signatures={exam.version.signatures} />
      <p>
        <Link to={`/patients/${patientId}/records/${exam.record.id}`}>Open the exam</Link>
      </p>
    </section>
  );
}
