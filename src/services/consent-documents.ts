import type { ConsentDocumentContent } from '../domain/consent';
import { consentDocumentContentSchema, consentTextOf, emptyConsentTemplate } from '../domain/consent';
import { canonicalJson } from '../domain/canonical-json';
import { formatPrintedName } from '../domain/user';
import type { ConsentDocumentVersion, ConsentSettings } from '../contract/consent-methods';
import { consentSettingsSchema } from '../contract/consent-methods';
import type { ConsentDocumentVersionRow } from '../db/consents-repo';
import {
  insertConsentDocumentVersion,
  insertConsentSettings,
  lastConsentDocumentId,
  latestConsentSettings,
  listConsentDocumentVersions,
} from '../db/consents-repo';
import { sha256Hex } from '../db/hash';
import { keyedRowFields } from '../db/keyed-tables';
import { findUserById } from '../db/users-repo';
import type { Handlers, ServiceContext } from './context';
import { requireUser } from './context';
import { ServiceError } from './service-error';

/** SHA-256 of what the patient reads (title, text, points to initial): one changed character changes it. */
export function consentTextSha256(content: ConsentDocumentContent): string {
  return sha256Hex(canonicalJson(consentTextOf(content)));
}

export function documentVersionView(context: ServiceContext, row: ConsentDocumentVersionRow): ConsentDocumentVersion {
  const author = findUserById(context.ledger.db, row.createdBy);
  return {
    id: row.id,
    documentId: row.documentId,
    version: row.version,
    content: consentDocumentContentSchema.parse(JSON.parse(row.content)),
    textSha256: row.textSha256,
    reason: row.reason,
    createdAt: row.createdAt,
    createdByName: author === undefined ? `user ${row.createdBy}` : formatPrintedName(author),
  };
}

/** Every document with its versions, the current (highest) version first. */
export function consentDocuments(
  context: ServiceContext,
): { current: ConsentDocumentVersion; versions: ConsentDocumentVersion[] }[] {
  const byDocument = new Map<number, ConsentDocumentVersion[]>();
  for (const row of listConsentDocumentVersions(context.ledger.db)) {
    const list = byDocument.get(row.documentId) ?? [];
    list.push(documentVersionView(context, row));
    byDocument.set(row.documentId, list);
  }
  return [...byDocument.values()].flatMap((versions) => {
    const [current] = versions;
    return current === undefined ? [] : [{ current, versions }];
  });
}

export function currentConsentSettings(context: ServiceContext): { version: number; settings: ConsentSettings } {
  const latest = latestConsentSettings(context.ledger.db);
  if (latest === undefined) return { version: 0, settings: { requirement: 'required' } };
  return { version: latest.version, settings: consentSettingsSchema.parse(JSON.parse(latest.content)) };
}

export const consentDocumentHandlers: Handlers<
  'consents.documents' | 'consents.saveDocument' | 'consents.saveSettings'
> = {
  'consents.documents': (context) => {
    const { version, settings } = currentConsentSettings(context);
    return { documents: consentDocuments(context), template: emptyConsentTemplate, settings, settingsVersion: version };
  },

  'consents.saveDocument': (context, input) => {
    const user = requireUser(context);
    const existing = input.documentId === null ? [] : listConsentDocumentVersions(context.ledger.db, input.documentId);
    if (input.documentId !== null && existing.length === 0) {
      throw new ServiceError('NOT_FOUND', `There is no consent document ${input.documentId}.`);
    }
    const currentVersion = existing[0]?.version ?? 0;
    if (currentVersion !== input.expectedVersion) {
      const latest = existing[0];
      const by = latest === undefined ? undefined : findUserById(context.ledger.db, latest.createdBy);
      throw new ServiceError(
        'CONFLICT',
        `Version ${currentVersion} of this consent was saved${by === undefined ? '' : ` by ${formatPrintedName(by)}`} since you opened version ${input.expectedVersion}. Load the latest, then make your change again.`,
      );
    }
    const textSha256 = consentTextSha256(input.content);
    if (latestSame(existing[0], input.content)) {
      throw new ServiceError('INVALID_INPUT', 'Nothing changed since the current version: there is nothing to save.');
    }
    const row = insertConsentDocumentVersion(context.ledger.db, {
      documentId: input.documentId ?? lastConsentDocumentId(context.ledger.db) + 1,
      version: currentVersion + 1,
      content: canonicalJson(input.content),
      textSha256,
      reason: input.reason,
      createdAt: context.nowIso,
      createdBy: user.id,
    });
    context.audit('consent.document-saved', 'consent-document', row.documentId, {
      version: row.version,
      textSha256,
      ...keyedRowFields(context.ledger.raw, 'consent_document_versions', row.id),
    });
    return documentVersionView(context, row);
  },

  'consents.saveSettings': (context, input) => {
    const user = requireUser(context);
    const current = currentConsentSettings(context);
    if (current.version !== input.expectedVersion) {
      throw new ServiceError(
        'CONFLICT',
        'Someone saved the consent rule since you opened it. Load the latest, then make your change again.',
      );
    }
    const version = current.version + 1;
    insertConsentSettings(context.ledger.db, {
      version,
      content: canonicalJson(input.settings),
      createdAt: context.nowIso,
      createdBy: user.id,
    });
    context.audit('consent.settings-updated', 'consent-settings', version, {
      settings: input.settings,
      ...keyedRowFields(context.ledger.raw, 'consent_settings_versions', version),
    });
    return { settings: input.settings, settingsVersion: version };
  },
};

function latestSame(latest: ConsentDocumentVersionRow | undefined, content: ConsentDocumentContent): boolean {
  return latest !== undefined && latest.content === canonicalJson(content);
}
