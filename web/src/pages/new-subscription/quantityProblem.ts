/** What is wrong with a number of licenses, or null when it can be ordered. */
export type QuantityProblem = 'whole' | 'min' | 'max';

export function quantityProblem(
  quantity: number,
  min: number,
  max: number,
): QuantityProblem | null {
  if (!Number.isInteger(quantity)) return 'whole';
  if (quantity < min) return 'min';
  if (quantity > max) return 'max';
  return null;
}

/** What was typed as a number of licenses: a whole number, else NaN (never the browser's guess). */
export function typedQuantity(text: string): number {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN;
}
