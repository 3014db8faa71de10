import { roleLabels } from '../../domain/roles';
import { formatPrintedName } from '../../domain/user';
import type { CsvColumn } from '../csv';
import type { ExportUser } from '../snapshot';
import type { CsvTableDefinition } from './table';
import { clinicTable } from './table';

const columns: CsvColumn<ExportUser>[] = [
  { header: 'user_id', value: (user) => user.id },
  { header: 'username', value: (user) => user.username },
  { header: 'printed_name', value: (user) => formatPrintedName(user) },
  { header: 'display_name', value: (user) => user.displayName },
  { header: 'credentials', value: (user) => user.credentials },
  { header: 'role', value: (user) => roleLabels[user.role] },
  { header: 'active', value: (user) => user.active },
];

export const usersTable: CsvTableDefinition = clinicTable(
  'users.csv',
  () => columns,
  (index) => index.snapshot.users,
);
