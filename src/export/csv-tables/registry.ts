import { auditLogTable } from './audit-log';
import { consentsTable } from './consents';
import { examsTable } from './exams';
import { patientsTable } from './patients';
import { plansTable } from './plans';
import { registerCsvTables } from '../register-csv';
import { reviewsTable } from './reviews';
import { sessionAdverseEventsTable } from './session-adverse-events';
import { sessionEventsTable } from './session-events';
import { sessionObservationsTable } from './session-observations';
import { sessionSignaturesTable } from './session-signatures';
import { sessionsTable } from './sessions';
import { signaturesTable } from './signatures';
import type { CsvTableDefinition } from './table';
import { usersTable } from './users';

/** The CSV files of the export, in this order. */
export const defaultCsvTables: readonly CsvTableDefinition[] = [
  usersTable,
  patientsTable,
  examsTable,
  plansTable,
  reviewsTable,
  signaturesTable,
  sessionsTable,
  sessionEventsTable,
  sessionObservationsTable,
  sessionAdverseEventsTable,
  sessionSignaturesTable,
  consentsTable,
  ...registerCsvTables,
  auditLogTable,
];
