import { stringify, type Options } from 'csv-stringify/sync';

/**
 * RFC 4180 with CRLF; a cell holding `;` is quoted too, because some spreadsheets split on it.
 */
const OPTIONS: Options = {
  record_delimiter: 'windows',
  // With its own record delimiter, csv-stringify would no longer quote a lone \n or \r.
  quote_record_delimiter: true,
  quoted_match: ';',
};

/** A number written as it is: "-3.07" is a credit, not a formula. */
export interface NumericCell {
  number: string;
}

export type CsvCell = string | number | null | undefined | NumericCell;

// Full-width = + - @ too: some spreadsheets fold them into the ASCII ones.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV record. A text cell that starts like a formula (= + - @ tab CR, or their full-width forms) gets a leading `'`, so
 * spreadsheets show it rather than run it (OWASP's CSV injection advice); numeric cells do not.
 */
export function csvLine(cells: readonly CsvCell[]): string {
  const values = cells.map((cell) => {
    if (cell !== null && typeof cell === 'object') return cell.number;
    if (typeof cell === 'string' && FORMULA_START.test(cell)) return `'${cell}`;
    return cell;
  });
  return stringify([values], OPTIONS);
}
