import type { BillingCycle, PriceBook, PriceRule, Segment } from '../../api/client';

/** A rule as it is being edited: every field a string, '' for "any" or not filled in yet. */
export interface RuleDraft {
  /** Keeps a row's inputs its own when rows above it are removed. */
  key: number;
  offerId: string;
  segment: Segment | '';
  customerId: string;
  kind: 'markup' | 'price';
  value: string;
  currency: string;
  billingCycle: BillingCycle | '';
}

export interface PriceBookDraft {
  defaultMarkupPercent: string;
  rules: RuleDraft[];
}

let nextKey = 0;

export function newRule(currency: string): RuleDraft {
  nextKey += 1;
  return {
    key: nextKey,
    offerId: '',
    segment: '',
    customerId: '',
    kind: 'markup',
    value: '',
    currency,
    billingCycle: '',
  };
}

export function draftOf(book: PriceBook): PriceBookDraft {
  return {
    defaultMarkupPercent: book.defaultMarkupPercent,
    rules: book.rules.map((rule) => ({
      ...newRule(rule.currency ?? ''),
      offerId: rule.offerId ?? '',
      segment: rule.segment ?? '',
      customerId: rule.customerId ?? '',
      kind: rule.unitPrice === undefined ? 'markup' : 'price',
      value: rule.unitPrice ?? rule.markupPercent ?? '',
      billingCycle: rule.billingCycle ?? '',
    })),
  };
}

/** The draft as the API takes it: only the fields a rule of its kind has. */
export function bodyOf(draft: PriceBookDraft): {
  defaultMarkupPercent: string;
  rules: PriceRule[];
} {
  return {
    defaultMarkupPercent: draft.defaultMarkupPercent.trim(),
    rules: draft.rules.map((rule) => ({
      ...(rule.offerId ? { offerId: rule.offerId } : {}),
      ...(rule.segment ? { segment: rule.segment } : {}),
      ...(rule.customerId ? { customerId: rule.customerId } : {}),
      ...(rule.kind === 'markup'
        ? { markupPercent: rule.value.trim() }
        : {
            unitPrice: rule.value.trim(),
            currency: rule.currency,
            ...(rule.billingCycle ? { billingCycle: rule.billingCycle } : {}),
          }),
    })),
  };
}

/** Where a refusal's field points: the default markup, or a rule's row and column. */
export type FieldProblems = Map<string, string[]>;

/**
 * The key of a field of the form: 'default', 'rule:<index>' for a rule as a whole, or
 * 'rule:<index>:<column>' where column is offer, segment, customer, value or currency.
 */
export function fieldKey(pointer: string | undefined): string {
  if (pointer === '/defaultMarkupPercent') return 'default';
  const match = /^\/rules\/(\d+)(?:\/(\w+))?/.exec(pointer ?? '');
  if (!match) return 'form';
  const [, index, field] = match;
  const column: Record<string, string> = {
    offerId: 'offer',
    segment: 'segment',
    customerId: 'customer',
    markupPercent: 'value',
    unitPrice: 'value',
    currency: 'currency',
    billingCycle: 'billingCycle',
  };
  const name = field === undefined ? undefined : column[field];
  return name ? `rule:${index}:${name}` : `rule:${index}`;
}
