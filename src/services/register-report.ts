import { createHash } from 'node:crypto';
import type { JsonValue } from '../domain/canonical-json';
import { localDaysToUtc } from '../domain/time';
import type { RegisterDocument } from '../contract/register-report-methods';
import { registerEntriesCsv } from '../export/register-csv';
import { renderRegisterReportSync } from '../pdf/register-report';
import type { Handlers, ServiceContext } from './context';
import { requireClinic } from './context';
import { lossReport } from './register-loss-report';
import { signRegisterDocument } from './register-report-signing';
import { registerReportParts } from './register-report-data';
import { currentRegisterSettings } from './register-settings';
import { CommittedRefusal } from './service-error';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function document(context: ServiceContext, fileName: string, bytes: Uint8Array, pdf: boolean): RegisterDocument {
  return {
    fileName,
    mediaType: pdf ? 'application/pdf' : 'text/csv',
    sha256: sha256(bytes),
    createdAt: context.nowIso,
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}

const asJson = (value: object): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

export const registerReportHandlers: Handlers<'register.report' | 'register.lossReport'> = {
  'register.report': (context, input) => {
    const clinic = requireClinic(context);
    const { fromIso, toIso } = localDaysToUtc(input.from, input.to, clinic.timeZone);
    if (fromIso === null || toIso === null) throw new Error('a range of clinic days gave no instants');
    const parts = registerReportParts(context, fromIso, toIso);
    const name = `register-${input.from}-to-${input.to}`;
    let result: RegisterDocument;
    if (input.format === 'csv') {
      result = document(context, `${name}.csv`, registerEntriesCsv(parts.entries, clinic.timeZone), false);
    } else {
      const { settings } = currentRegisterSettings(context);
      const content = {
        document: 'controlled-substance-register' as const,
        clinic: { name: clinic.name, address: clinic.address, timeZone: clinic.timeZone },
        registration: { registrantName: settings.registrantName, registrationNumber: settings.registrationNumber },
        from: input.from,
        to: input.to,
        drugs: parts.drugs,
        containers: parts.containers,
        inventories: parts.inventories,
      };
      const pdf = signRegisterDocument(
        context,
        input,
        (signing) => renderRegisterReportSync(content, signing),
        asJson(content),
      );
      if (pdf instanceof CommittedRefusal) return pdf;
      result = document(context, `${name}.pdf`, pdf, true);
    }
    context.audit('register.report-produced', 'register', null, {
      from: input.from,
      to: input.to,
      format: input.format,
      entries: parts.entries.length,
      fileName: result.fileName,
      sha256: result.sha256,
    });
    return result;
  },
  'register.lossReport': (context, input) => {
    const produced = lossReport(context, input);
    if (produced.pdf instanceof CommittedRefusal) return produced.pdf;
    const result = document(
      context,
      `loss-${produced.containerLabel}-count-${input.countEntryId}.pdf`,
      produced.pdf,
      true,
    );
    context.audit('register.loss-report-produced', 'register-entry', input.countEntryId, {
      fileName: result.fileName,
      sha256: result.sha256,
    });
    return result;
  },
};
