import { displayStatus } from '../domain/record';
import type { ReviewContent } from '../domain/course-review';
import type { ExamContent } from '../domain/exam';
import type { PlanContent } from '../domain/plan';
import type { DraftWeightCheck, RecordVersionView, RecordView } from '../domain/record-view';
import { formatPrintedName } from '../domain/user';
import type { RecordRow } from '../db/records-repo';
import { listEvents, listSignatures, listVersions } from '../db/records-repo';
import { parsedStoredJson } from '../db/stored-json';
import { findUserById } from '../db/users-repo';
import type { ServiceContext } from './context';
import { recordWeightCheck } from './record-weight-check';
import { draftReviewFigures } from './review-computed';

function printedNameOf(context: ServiceContext, userId: number, cache: Map<number, string>): string {
  let name = cache.get(userId);
  if (name === undefined) {
    const user = findUserById(context.ledger.db, userId);
    name = user === undefined ? `User ${userId}` : formatPrintedName(user);
    cache.set(userId, name);
  }
  return name;
}

function draftWeightCheck(
  context: ServiceContext,
  record: RecordRow,
  content: ExamContent | PlanContent | ReviewContent,
): DraftWeightCheck {
  const { settings, previous, findings } = recordWeightCheck(context, record, content);
  return { settings, previous, findings };
}

/** Builds the full view of records: every version with status, signatures and links. */
export function recordViews(context: ServiceContext, rows: RecordRow[]): RecordView[] {
  const db = context.ledger.db;
  const ids = rows.map((row) => row.id);
  const versions = listVersions(db, ids);
  const signatures = listSignatures(
    db,
    versions.map((version) => version.id),
  );
  const events = listEvents(db, ids);
  const names = new Map<number, string>();
  return rows.map((record) => {
    const own = versions.filter((version) => version.recordId === record.id);
    const discontinued = events.find((event) => event.recordId === record.id && event.kind === 'discontinued');
    const views = own.map((version): RecordVersionView => {
      const supersededBy = own.find((later) => later.version > version.version && later.status === 'signed') ?? null;
      const base = {
        id: version.id,
        recordId: record.id,
        version: version.version,
        status: version.status,
        displayStatus: displayStatus({
          status: version.status,
          version: version.version,
          supersededBy: supersededBy?.id ?? null,
          discontinued: discontinued !== undefined,
        }),
        amendsVersionId: version.amendsVersionId,
        amendmentReason: version.amendmentReason,
        supersededByVersionId: supersededBy?.id ?? null,
        examVersionId: version.examVersionId,
        formularyVersion: version.formularyVersion,
        authorUserId: version.authorUserId,
        authorPrintedName: printedNameOf(context, version.authorUserId, names),
        createdAt: version.createdAt,
        updatedAt: version.updatedAt,
        signedAt: version.signedAt,
        contentSha256: version.contentSha256,
        signatures: signatures
          .filter((signature) => signature.versionId === version.id)
          .map((signature) => ({
            id: signature.id,
            signerUserId: signature.signerUserId,
            printedName: signature.printedName,
            meaning: signature.meaning,
            signedAt: signature.signedAt,
            contentSha256: signature.contentSha256,
          })),
      };
      // A signed version is frozen by the database: its JSON is parsed once per connection.
      const parse = (column: string, text: string): never =>
        version.status === 'signed'
          ? parsedStoredJson<never>(db, `record_versions.${column}`, version.id, text)
          : (JSON.parse(text) as never);
      const content = parse('content', version.content);
      const computed = version.computed === null ? null : parse('computed', version.computed);
      // A draft carries what its editor needs to run the weight check live.
      const withCheck =
        version.status === 'draft' ? { ...base, draftWeightCheck: draftWeightCheck(context, record, content) } : base;
      if (record.type === 'review') {
        const figures = version.status === 'draft' ? draftReviewFigures(context, record, content) : undefined;
        return {
          ...withCheck,
          recordType: 'review',
          content,
          computed,
          ...(figures === undefined ? {} : { draftFigures: figures }),
        };
      }
      return record.type === 'exam'
        ? { ...withCheck, recordType: 'exam', content, computed }
        : { ...withCheck, recordType: 'plan', content, computed };
    });
    return {
      id: record.id,
      type: record.type,
      patientId: record.patientId,
      createdAt: record.createdAt,
      discontinued:
        discontinued === undefined
          ? null
          : { at: discontinued.at, reason: discontinued.reason, printedName: discontinued.printedName },
      versions: views,
    };
  });
}

export function viewOf(context: ServiceContext, record: RecordRow): RecordView {
  const [view] = recordViews(context, [record]);
  if (view === undefined) throw new Error('record view missing');
  return view;
}
