import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES } from '../../src/domain/permissions.js';

/** The table's cells, row by row, whatever its padding. */
function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .filter((line) => !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

/** The table as the permission table in the code says it must read. */
function expectedCells(): string[][] {
  return [
    ['permission', ...ROLES.map((r) => `\`${r}\``)],
    ...Object.entries(PERMISSIONS).map(([permission, roles]) => [
      `\`${permission}\``,
      ...ROLES.map((r) => ((roles as readonly string[]).includes(r) ? '✓' : '')),
    ]),
  ];
}

describe('docs/security.md', () => {
  it('shows the permission table exactly as the code has it', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const match = /<!-- permission-table:start -->\n([\s\S]*?)\n<!-- permission-table:end -->/.exec(
      doc,
    );
    expect(cells(match?.[1] ?? '')).toEqual(expectedCells());
  });
});
