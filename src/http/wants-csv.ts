/** Whether the client asked for CSV (`Accept: text/csv`), the export form of a list. */
export function wantsCsv(accept: string | undefined): boolean {
  return accept !== undefined && /\btext\/csv\b/.test(accept);
}
