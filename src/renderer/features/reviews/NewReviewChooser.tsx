import type { RecordView } from '../../../domain/record-view';
import { formatDate } from '../../../domain/time';
import type { RecordChoice, RecordChooserWords } from '../records/RecordChooser';
import { RecordChooser } from '../records/RecordChooser';

export type ReviewablePlan = RecordChoice;

/** Plans with a signed version: the series a course review may look back on. */
export function reviewablePlans(
  records: readonly RecordView[],
  drugName: (drugId: string | null) => string,
): ReviewablePlan[] {
  return records.flatMap((record) => {
    const signed = record.versions.filter((version) => version.status === 'signed').at(-1);
    if (signed?.recordType !== 'plan' || signed.signedAt === null) return [];
    const name = signed.computed?.drugName ?? drugName(signed.content.drugId);
    const discontinued = record.discontinued === null ? '' : ', discontinued';
    return [
      {
        recordId: record.id,
        label: `${name === '' ? 'Infusion plan' : `${name} plan`} of ${formatDate(signed.signedAt.slice(0, 10))}, version ${signed.version}${discontinued}`,
      },
    ];
  });
}

const words: RecordChooserWords = {
  titleId: 'new-review-title',
  fieldId: 'new-review-plan',
  title: 'Sign a course review',
  label: 'Series reviewed',
  hint: 'Signed infusion plans of this patient. The review shows the plan’s sessions, the drug given and the scales recorded, and asks your outcome, decision and reason.',
  start: 'Start the review',
  emptyTitle: 'No series to review',
  emptyText: 'A course review looks back on the series of a signed infusion plan. Sign a plan first.',
};

/** Chooses the plan whose series is reviewed, then starts the course review as a draft. */
export function NewReviewChooser({
  plans,
  ...actions
}: {
  plans: readonly ReviewablePlan[];
  busy: boolean;
  onStart: (planRecordId: number) => void;
  onCancel: () => void;
}) {
  return <RecordChooser words={words} choices={plans} {...actions} />;
}
