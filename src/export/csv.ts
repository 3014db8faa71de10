/**
 * RFC 4180 CSV for spreadsheets: fields separated by commas, records by CRLF (the last one
 * too), a field quoted when it holds a comma, quote, CR or LF, quotes doubled inside. The
 * file starts with a UTF-8 byte order mark because Excel otherwise reads UTF-8 as the
 * system code page and mangles every name outside ASCII ("Żółć", "王").
 */
export type CsvCell = string | number | boolean | null;

const bom = '\uFEFF';
const plainNumber = /^-?\d+(\.\d+)?$/;

/**
 * CSV (formula) injection guard, as OWASP recommends: a cell that begins with = + - @ or a
 * tab or carriage return could run as a formula when the file is opened in a spreadsheet,
 * so it gets a leading apostrophe, which spreadsheets show as text. A plain number ("-5")
 * cannot be a formula and is left alone. The exact text is always in the FHIR files.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  const text = neutralizeFormula(typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`);
  return `${bom}${lines.join('')}`;
}

export function csvBytes(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Uint8Array {
  return new TextEncoder().encode(csvText(header, rows));
}

/** A column: its header and how to read its cell from one row. */
export interface CsvColumn<Row> {
  header: string;
  value(row: Row): CsvCell;
}

export function csvTable<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): Uint8Array {
  return csvBytes(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => column.value(row))),
  );
}

/**
 * The same text as `csvTable`, a line at a time (the byte order mark opens the first): for a
 * table read from the ledger page by page, such as the audit log, never held whole.
 */
export function* csvLines<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): Generator<string> {
  yield `${bom}${columns.map((column) => csvField(column.header)).join(',')}\r\n`;
  for (const row of rows) yield `${columns.map((column) => csvField(column.value(row))).join(',')}\r\n`;
}
