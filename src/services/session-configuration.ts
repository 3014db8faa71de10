import type { EntryProblem } from '../domain/configured-entry-checks';
import { checklistScaleProblems, dischargeCriteriaProblems } from '../domain/configured-entry-checks';
import type { Checklist, Discharge, SessionEntryBody } from '../domain/infusion-session';
import type { SessionConfiguration, SessionConfigurationContent } from '../domain/session-configuration';
import {
  criteriaInForce,
  sessionConfigurationChanges,
  starterSessionConfiguration,
} from '../domain/session-configuration';
import { currentSessionConfiguration, insertSessionConfiguration } from '../db/session-configuration-repo';
import type { EntryRow } from '../db/sessions-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { Handlers, ServiceContext } from './context';
import { requireUser } from './context';
import { ServiceError } from './service-error';
import { refuseStaleSave } from './stale-save';

/**
 * Refuses a charted entry that does not match what the clinic asks now (its session
 * configuration): a discharge against other criteria, a checklist with scales the clinic does
 * not record or without the pain score it does. A correction may keep what the entry it
 * corrects recorded, so sessions charted under an earlier configuration stay correctable.
 */

function refuse(problems: EntryProblem[], at: string): void {
  const first = problems[0];
  if (first === undefined) return;
  throw new ServiceError(
    'INVALID_INPUT',
    first.message,
    problems.map((problem) => ({ path: `${at}.${problem.path}`, message: problem.message })),
  );
}

/** A new pre-infusion checklist (the one that starts a session); `at` is its input path. */
export function checkConfiguredChecklist(context: ServiceContext, checklist: Checklist, at = 'checklist'): void {
  const asked = currentSessionConfiguration(context.ledger.db).content.preSessionScales;
  refuse(checklistScaleProblems(checklist.scales, asked, null), at);
}

/** An entry added or corrected; `correcting` is the entry it replaces, if any. */
export function checkConfiguredEntry(
  context: ServiceContext,
  body: SessionEntryBody,
  correcting: EntryRow | null,
  at = 'entry.content',
): void {
  if (body.kind !== 'checklist' && body.kind !== 'discharge') return;
  const configuration = currentSessionConfiguration(context.ledger.db).content;
  const original = correcting?.kind === body.kind ? (JSON.parse(correcting.content) as unknown) : null;
  if (body.kind === 'checklist') {
    const scales = original === null ? null : (original as Checklist).scales;
    refuse(checklistScaleProblems(body.content.scales, configuration.preSessionScales, scales), at);
    return;
  }
  refuse(dischargeCriteriaProblems(body.content, criteriaInForce(configuration), original as Discharge | null), at);
}

/** Who saved the version in force, when, and how many settings differ from the one the screen edited. */
function refuseStaleConfiguration(
  context: ServiceContext,
  expectedVersion: number,
  current: SessionConfiguration,
): never {
  const stored = context.ledger.raw
    .prepare('SELECT content FROM session_configuration_versions WHERE version = ?')
    .get(expectedVersion) as { content: string } | undefined;
  const loaded =
    expectedVersion === 0
      ? starterSessionConfiguration
      : stored === undefined
        ? null
        : (JSON.parse(stored.content) as SessionConfigurationContent);
  const count = loaded === null ? 0 : sessionConfigurationChanges(loaded, current.content).length;
  refuseStaleSave(context, {
    what: `the session settings (now version ${current.version})`,
    by: current.createdBy ?? 'someone',
    at: current.createdAt,
    changed: count === 0 ? [] : [count === 1 ? 'one setting' : `${count} settings`],
  });
}

export const sessionConfigurationHandlers: Handlers<
  'clinic.sessionConfiguration.get' | 'clinic.sessionConfiguration.update'
> = {
  'clinic.sessionConfiguration.get': (context) => currentSessionConfiguration(context.ledger.db),

  /** Saves a new version; sessions already charted keep the wording they recorded. */
  'clinic.sessionConfiguration.update': (context, input) => {
    const before = currentSessionConfiguration(context.ledger.db);
    if (input.expectedVersion !== before.version) refuseStaleConfiguration(context, input.expectedVersion, before);
    const kept = new Set(input.content.dischargeCriteria.map((criterion) => criterion.itemId));
    const removed = before.content.dischargeCriteria.find((criterion) => !kept.has(criterion.itemId));
    if (removed !== undefined) {
      // Its code must keep meaning what past discharges recorded under it.
      throw new ServiceError(
        'INVALID_INPUT',
        `The discharge criterion “${removed.label}” was removed. Retire it instead: retired criteria are no longer asked, and can be brought back.`,
        [{ path: 'content.dischargeCriteria', message: `Retire “${removed.label}” instead of removing it` }],
      );
    }
    const changes = sessionConfigurationChanges(before.content, input.content);
    if (changes.length === 0) return before;
    const version = insertSessionConfiguration(
      context.ledger.db,
      input.content,
      requireUser(context).id,
      context.nowIso,
    );
    context.audit('session-configuration.updated', 'session-configuration', version, {
      version,
      ...keyedRowFields(context.ledger.raw, 'session_configuration_versions', version),
      changes: changes.map((change) => ({ path: change.path, from: change.from, to: change.to })),
    });
    return currentSessionConfiguration(context.ledger.db);
  },
};
