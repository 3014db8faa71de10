import { getPatient } from '../db/patients-repo';
import { listPatientSessions, sessionProgress } from '../db/sessions-repo';
import type { Handlers } from './context';
import { ServiceError } from './service-error';
import { existingSession, sessionViews, viewOf } from './sessions-view';

export const sessionReadHandlers: Handlers<'sessions.get' | 'sessions.status' | 'sessions.list'> = {
  'sessions.get': (context, input) => {
    const session = existingSession(context, input.sessionId);
    context.audit('session.viewed', 'session', session.id, { patientId: session.patientId });
    return viewOf(context, session);
  },

  'sessions.status': (context, input) => {
    const session = existingSession(context, input.sessionId);
    const now = sessionProgress(context.ledger.db, session.id);
    const changed = now.lastEntryId !== input.lastEntryId || now.signatureCount !== input.signatureCount;
    return { ...now, session: changed ? viewOf(context, session) : null };
  },

  'sessions.list': (context, input) => {
    if (getPatient(context.ledger.db, input.patientId) === undefined) {
      throw new ServiceError('NOT_FOUND', `There is no patient with ID ${input.patientId}.`);
    }
    return { sessions: sessionViews(context, listPatientSessions(context.ledger.db, input.patientId)) };
  },
};
