import { effectiveEntries } from '../domain/session-state';
import { formatPrintedName } from '../domain/user';
import { insertSessionSignature, listEntries, sessionDocumentText } from '../db/sessions-repo';
import { sha256Hex } from '../db/hash';
import { keyedRowFields } from '../db/keyed-tables';
import type { Handlers } from './context';
import { requireUser } from './context';
import { storeSignedSessionRecord } from './documents';
import { checkSigner } from './signer-check';
import { ServiceError } from './service-error';
import { existingSession, toView, viewOf } from './sessions-view';

export const sessionSignHandlers: Handlers<'sessions.sign'> = {
  'sessions.sign': (context, input) => {
    const user = requireUser(context);
    const session = existingSession(context, input.sessionId);
    if (input.meaning === 'performed' && user.role !== 'nurse')
      throw new ServiceError('FORBIDDEN', 'The nurse who performed the infusion signs "performed".');
    if (input.meaning === 'reviewed' && user.role !== 'physician')
      throw new ServiceError('FORBIDDEN', 'Only a physician co-signs "reviewed".');
    const entries = listEntries(context.ledger.db, [session.id]);
    const view = toView(context, session, entries, new Map());
    if (!effectiveEntries(view.entries).some((entry) => entry.kind === 'discharge')) {
      throw new ServiceError('NOT_READY_TO_SIGN', 'Record the discharge before signing the session.');
    }
    if (input.meaning === 'reviewed' && !view.signatures.some((signature) => signature.meaning === 'performed')) {
      throw new ServiceError(
        'NOT_READY_TO_SIGN',
        'The nurse signs the session first; then a physician may co-sign it.',
      );
    }
    const refused = checkSigner(context, input.username, input.password);
    if (refused !== null) return refused;
    const lastEntryId = Math.max(...entries.map((entry) => entry.id));
    if (input.lastEntryId !== lastEntryId) {
      throw new ServiceError(
        'CONFLICT',
        'More was charted on this session since you opened it (on another device, say). Read the new entries, then sign again.',
      );
    }
    const recordJson = sessionDocumentText(session, entries, lastEntryId);
    const sha256 = sha256Hex(recordJson);
    const signature = insertSessionSignature(context.ledger.db, {
      sessionId: session.id,
      signerUserId: user.id,
      printedName: formatPrintedName(user),
      meaning: input.meaning,
      signedAt: context.nowIso,
      lastEntryId,
      contentSha256: sha256,
    });
    context.signIn.signedOnce = true;
    context.audit('session.signed', 'session', session.id, {
      meaning: input.meaning,
      lastEntryId,
      sha256,
      ...keyedRowFields(context.ledger.raw, 'session_signatures', signature.id),
    });
    const signed = viewOf(context, session);
    storeSignedSessionRecord(context, {
      view: signed,
      signatureId: signature.id,
      recordJson,
      recordSha256: sha256,
      signer: user,
      password: input.password,
    });
    return signed;
  },
};
