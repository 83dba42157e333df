import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  TableCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BillingCycle, Segment } from '../../api/client';
import { useOfferNames } from '../../lib/catalogText';
import type { FieldProblems, RuleDraft } from './priceBookDraft';

const SEGMENTS: readonly Segment[] = ['commercial', 'education', 'government', 'nonprofit'];
const CYCLES: readonly BillingCycle[] = ['monthly', 'annual'];

const useStyles = makeStyles({
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS },
  // Wide enough for the longest choice of each column in either language.
  offer: { width: '200px' },
  segment: { width: '140px' },
  customer: { width: '170px' },
  kind: { width: '120px' },
  value: { width: '100px' },
  currency: { width: '90px' },
  billingCycle: { width: '100px' },
  rowProblem: { color: tokens.colorPaletteRedForeground1 },
});

export interface RuleChoices {
  offers: readonly { id: string; name: string }[];
  customers: readonly { id: string; companyName: string }[];
  currencies: readonly string[];
}

/** One rule of the price book: what it applies to, and its markup or fixed price. */
export function RuleRow(props: {
  index: number;
  rule: RuleDraft;
  choices: RuleChoices;
  problems: FieldProblems;
  readOnly: boolean;
  onChange: (rule: RuleDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const offerName = useOfferNames();
  const { rule, index } = props;
  const number = index + 1;
  const change = (next: Partial<RuleDraft>) => props.onChange({ ...rule, ...next });
  const problem = (column: string) => props.problems.get(`rule:${index}:${column}`)?.join(' ');
  const state = (column: string) => (problem(column) ? ('error' as const) : ('none' as const));
  const rowProblem = props.problems.get(`rule:${index}`)?.join(' ');
  const label = (column: string) => t(`billing.priceBook.labels.${column}`, { number });
  return (
    <>
      <TableRow data-rule={index}>
        <TableCell className={styles.cell}>
          <Field validationMessage={problem('offer')} validationState={state('offer')}>
            <Select
              className={styles.offer}
              aria-label={label('offer')}
              value={rule.offerId}
              disabled={props.readOnly}
              onChange={(_event, data) => change({ offerId: data.value })}
            >
              <option value="">{t('billing.priceBook.anyOffer')}</option>
              {props.choices.offers.map((offer) => (
                <option key={offer.id} value={offer.id}>
                  {offerName(offer.id, offer.name)}
                </option>
              ))}
            </Select>
          </Field>
        </TableCell>
        <TableCell className={styles.cell}>
          <Field validationMessage={problem('segment')} validationState={state('segment')}>
            <Select
              className={styles.segment}
              aria-label={label('segment')}
              value={rule.segment}
              disabled={props.readOnly}
              onChange={(_event, data) => change({ segment: data.value as Segment | '' })}
            >
              <option value="">{t('billing.priceBook.anySegment')}</option>
              {SEGMENTS.map((segment) => (
                <option key={segment} value={segment}>
                  {t(`segments.${segment}`)}
                </option>
              ))}
            </Select>
          </Field>
        </TableCell>
        <TableCell className={styles.cell}>
          <Field validationMessage={problem('customer')} validationState={state('customer')}>
            <Select
              className={styles.customer}
              aria-label={label('customer')}
              value={rule.customerId}
              disabled={props.readOnly}
              onChange={(_event, data) => change({ customerId: data.value })}
            >
              <option value="">{t('billing.priceBook.anyCustomer')}</option>
              {props.choices.customers.map((customer) => (
                <option key={customer.id} value={customer.id}>
                  {customer.companyName}
                </option>
              ))}
            </Select>
          </Field>
        </TableCell>
        <TableCell className={styles.cell}>
          <Select
            className={styles.kind}
            aria-label={label('kind')}
            value={rule.kind}
            disabled={props.readOnly}
            onChange={(_event, data) => change({ kind: data.value as RuleDraft['kind'] })}
          >
            <option value="markup">{t('billing.priceBook.kinds.markup')}</option>
            <option value="price">{t('billing.priceBook.kinds.price')}</option>
          </Select>
        </TableCell>
        <TableCell className={styles.cell}>
          <Field validationMessage={problem('value')} validationState={state('value')}>
            <Input
              className={styles.value}
              aria-label={label(rule.kind === 'markup' ? 'markup' : 'price')}
              value={rule.value}
              inputMode="decimal"
              disabled={props.readOnly}
              contentAfter={rule.kind === 'markup' ? '%' : undefined}
              onChange={(_event, data) => change({ value: data.value })}
            />
          </Field>
        </TableCell>
        <TableCell className={styles.cell}>
          {rule.kind === 'price' && (
            <Field validationMessage={problem('currency')} validationState={state('currency')}>
              <Select
                className={styles.currency}
                aria-label={label('currency')}
                value={rule.currency}
                disabled={props.readOnly}
                onChange={(_event, data) => change({ currency: data.value })}
              >
                {props.choices.currencies.map((currency) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </TableCell>
        <TableCell className={styles.cell}>
          {rule.kind === 'price' && (
            <Select
              className={styles.billingCycle}
              aria-label={label('billingCycle')}
              value={rule.billingCycle}
              disabled={props.readOnly}
              onChange={(_event, data) => change({ billingCycle: data.value as BillingCycle | '' })}
            >
              <option value="">{t('billing.priceBook.anyBilling')}</option>
              {CYCLES.map((cycle) => (
                <option key={cycle} value={cycle}>
                  {t(`billingCycles.${cycle}`)}
                </option>
              ))}
            </Select>
          )}
        </TableCell>
        <TableCell className={styles.cell}>
          {!props.readOnly && (
            <Button appearance="subtle" onClick={props.onRemove} aria-label={label('remove')}>
              {t('billing.priceBook.remove')}
            </Button>
          )}
        </TableCell>
      </TableRow>
      {rowProblem && (
        <TableRow>
          <TableCell colSpan={8} className={styles.rowProblem} role="alert">
            {t('billing.priceBook.ruleProblem', { number, problem: rowProblem })}
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
