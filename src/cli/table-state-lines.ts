import type { TableStatesVerification } from '../services/ledger';

/** Rows not covered are listed, not counted as tampering; a long list is cut short. */
const maxNotCoveredLines = 20;

/** What `audit verify` prints about the rows of every audited table. */
export function tableStateLines(tables: TableStatesVerification): string[] {
  const lines: string[] = [];
  if (tables.problems.length === 0) {
    lines.push(
      `Tables intact: ${tables.checked} rows (users, patients, clinic, backup settings, devices, formulary, session settings, records, sessions, signatures, PDFs, certificates, controlled-substance register, consents) match their audit trail`,
    );
  }
  for (const problem of tables.problems) lines.push(`${problem.row} BROKEN: ${problem.problem}`);
  if (tables.notCovered.length > 0) {
    lines.push(`${tables.notCovered.length} rows not covered (last changed before row digests were recorded):`);
    for (const row of tables.notCovered.slice(0, maxNotCoveredLines)) lines.push(`  ${row.message}`);
    if (tables.notCovered.length > maxNotCoveredLines) {
      lines.push(`  … and ${tables.notCovered.length - maxNotCoveredLines} more`);
    }
  }
  return lines;
}
