/** One column of a table: its header, how a row shows in it, and numbers aligned right. */
export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'right';
}

/** Rows as aligned columns under their headers, two spaces apart, no trailing blanks. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...cells.map((line) => displayWidth(line[i] ?? ''))),
  );
  const render = (line: readonly string[]) =>
    line
      .map((text, i) => pad(text, widths[i] ?? 0, columns[i]?.align))
      .join('  ')
      .trimEnd();
  return [render(columns.map((column) => column.header)), ...cells.map(render)].join('\n');
}

/** Labelled values, one a line, the values lined up: for a single record. */
export function formatFields(fields: readonly (readonly [string, string])[]): string {
  const width = Math.max(...fields.map(([label]) => displayWidth(label) + 1));
  return fields
    .map(([label, value]) => `${pad(`${label}:`, width)}  ${value}`.trimEnd())
    .join('\n');
}

function pad(text: string, width: number, align?: 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

// East Asian wide characters (CJK, Hangul, full-width forms) take two columns in a terminal.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}
