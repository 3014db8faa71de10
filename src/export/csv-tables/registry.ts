import { auditLogTable } from './audit-log';
import { examsTable } from './exams';
import { patientsTable } from './patients';
import { plansTable } from './plans';
import { signaturesTable } from './signatures';
import type { CsvTableDefinition } from './table';
import { usersTable } from './users';

/** The CSV files of the export, in this order; add a session table here (issue 5). */
export const defaultCsvTables: readonly CsvTableDefinition[] = [
  usersTable,
  patientsTable,
  examsTable,
  plansTable,
  signaturesTable,
  auditLogTable,
];
