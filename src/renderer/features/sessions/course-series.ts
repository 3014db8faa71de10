import type { CourseGoal } from '../../../domain/course-goal';
import type { ScaleCourse, ScaleValues } from '../../../domain/course-response';
import { courseResponse, examScaleValues } from '../../../domain/course-response';
import type { CumulativeDose, SeriesDose } from '../../../domain/cumulative-dose';
import { cumulativeDose } from '../../../domain/cumulative-dose';
import type { RecordView } from '../../../domain/record-view';
import type { ResponseDefinition, ResponseDefinitionAsWorded } from '../../../domain/response-definitions';
import { definitionsInForce } from '../../../domain/response-definitions';
import type { SessionCourseItem } from '../../../domain/session-course';
import type { CoursePoint } from './course-points';
import type { PlanVersion } from './plan-version';
import { planVersionOf } from './plan-version';

/** One series of infusions: the sessions charted against one plan, with its goal and figures. */
export interface CourseSeries {
  planRecordId: number;
  /** 1 for the patient's first series, in the order they began. */
  number: number;
  /** The newest plan version the series' sessions charted against (an amendment may add the goal). */
  plan: PlanVersion | null;
  goal: CourseGoal | undefined;
  /** The plan's definitions as signed; with no goal on the plan, the clinic's in force now. */
  definitionsFrom: 'plan' | 'clinic';
  definitions: ResponseDefinitionAsWorded[];
  /** When the exam the plan rests on was signed (null when it cannot be found). */
  examSignedAt: string | null;
  points: CoursePoint[];
  scales: ScaleCourse[];
  dose: SeriesDose;
}

const valuesOf = (point: CoursePoint): ScaleValues => ({
  phq9: point.phq9,
  gad7: point.gad7,
  pcl5: point.pcl5,
  // The pain rated before the infusion: the check during it measures the infusion's effect, not the course.
  painNrs: point.painBefore,
});

function examVersion(records: readonly RecordView[], versionId: number | null) {
  if (versionId === null) return null;
  for (const record of records) {
    const version = record.versions.find((candidate) => candidate.id === versionId);
    if (version?.recordType === 'exam') return version;
  }
  return null;
}

function planOf(records: readonly RecordView[], sessions: readonly SessionCourseItem[]): PlanVersion | null {
  const versions = sessions
    .map((session) => planVersionOf(records, session.planRecordId, session.planVersionId))
    .filter((version): version is PlanVersion => version !== null)
    .sort((a, b) => a.version - b.version);
  return versions.at(-1) ?? null;
}

/** The sessions' mg, each from the plan version it charted against (figured in the back end). */
export function sessionDoses(sessions: readonly SessionCourseItem[]) {
  return sessions.map((session) => ({
    sessionId: session.id,
    planRecordId: session.planRecordId,
    mg: session.doseGivenMg,
  }));
}

/** The course grouped by series (oldest first), and the drug given in each and in total. */
export function courseSeries(
  points: readonly CoursePoint[],
  records: readonly RecordView[],
  clinicDefinitions: readonly ResponseDefinition[] | undefined,
): { series: CourseSeries[]; total: CumulativeDose } {
  const total = cumulativeDose(sessionDoses(points.map((point) => point.session)));
  const planIds = [...new Set(points.map((point) => point.session.planRecordId))];
  const series = planIds.map((planRecordId, index): CourseSeries => {
    const own = points.filter((point) => point.session.planRecordId === planRecordId);
    const plan = planOf(
      records,
      own.map((point) => point.session),
    );
    const goal = plan?.content.courseGoal;
    const definitions = goal?.definitionsAsWorded ?? definitionsInForce(clinicDefinitions);
    const exam = examVersion(records, plan?.examVersionId ?? null);
    const dose = total.series.find((one) => one.planRecordId === planRecordId) ?? {
      planRecordId,
      mg: '0',
      counted: 0,
      uncounted: 0,
    };
    return {
      planRecordId,
      number: index + 1,
      plan,
      goal,
      definitionsFrom: goal === undefined ? 'clinic' : 'plan',
      definitions,
      examSignedAt: exam?.signedAt ?? null,
      points: own,
      scales: courseResponse({
        examValues: exam === null ? null : examScaleValues(exam.content.scales),
        sessions: own.map((point) => ({ sessionId: point.sessionId, values: valuesOf(point) })),
        definitions,
      }),
      dose,
    };
  });
  return { series, total };
}
