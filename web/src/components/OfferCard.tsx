import {
  Card,
  Checkbox,
  Field,
  makeStyles,
  mergeClasses,
  Select,
  SpinButton,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferAvailability, PreviewLine, TermDuration } from '../api/client';
import { useOfferText } from '../lib/catalogText';
import { useFormat } from '../lib/format';
import { quantityProblem, typedQuantity } from '../pages/new-subscription/quantityProblem';
import type { ChosenLine } from '../lib/selection';
import { RouterLink } from './common';

const useStyles = makeStyles({
  offer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    flex: '1 1 420px',
  },
  offerRow: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalXL,
    flexWrap: 'wrap',
  },
  unavailable: { backgroundColor: tokens.colorNeutralBackground3 },
  // Greyed, still readable: the disabled checkbox greys the name, the rest stays legible.
  greyed: { color: tokens.colorNeutralForeground3 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  quantity: { width: '160px' },
  quantityField: { width: '260px' },
  quote: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

/** A preview's line that can be bought, with every figure it then has. */
function pricedLine(line: PreviewLine | undefined, currency: string | undefined) {
  if (!line?.available || currency === undefined) return undefined;
  const { unitPrice, amount, periodStart, periodEnd, quantity } = line;
  if (unitPrice === null || amount === null || periodStart === null || periodEnd === null) {
    return undefined;
  }
  return { quantity, unitPrice, amount, periodStart, periodEnd, currency };
}

/**
 * One offer of the catalog as a customer sees it: tick it and enter licenses, or, when it is
 * unavailable, greyed with every reason in words (and a link to reactivate a suspended one).
 */
export function OfferCard(props: {
  customerId: string;
  item: OfferAvailability;
  line: ChosenLine | undefined;
  /** What the chosen line would cost, from the order's preview. */
  quote?: PreviewLine | undefined;
  previewCurrency?: string | undefined;
  onChange: (line: ChosenLine | undefined) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const text = useOfferText();
  // What is being typed in the licenses box, until it is a number the offer can be ordered with.
  const [typed, setTyped] = useState<string | null>(null);
  // The customer's prices (the partner's price book over the vendor's), for each term sold.
  const { offer, available, reasons, prices } = props.item;
  const selected = props.line !== undefined;
  const max = offer.trial ? offer.trial.maxQuantity : offer.maximumQuantity;
  const min = offer.minimumQuantity;
  const priceText = (price: (typeof prices)[number]) =>
    t('newSubscription.price', {
      term: t(`pricing.termLengths.${price.termDuration}`),
      price: format.money(price.unitPrice, price.currency),
      per: t(`pricing.per.${offer.unitType}.${price.billingCycle}`),
    });
  const term = props.line?.termDuration ?? prices[0]?.termDuration;
  const quote = pricedLine(props.quote, props.previewCurrency);
  const change = (next: Partial<ChosenLine>) =>
    props.onChange({ quantity: props.line?.quantity ?? min, termDuration: term, ...next });
  const name = text.name(offer);
  const quantity = props.line?.quantity ?? min;
  const problem = selected ? quantityProblem(quantity, min, max) : null;
  const problemText =
    problem === null
      ? undefined
      : t(`forms.newSubscription.quantity.${problem}`, {
          min: format.number(min),
          max: format.number(max),
        });
  // Checked as it is typed, in the app's words: the box holds the text until it is a good number.
  const typeQuantity = (value: string) => {
    const next = typedQuantity(value);
    setTyped(quantityProblem(next, min, max) === null ? null : value);
    change({ quantity: next });
  };
  return (
    <Card className={available ? undefined : styles.unavailable} data-offer-id={offer.id}>
      <div className={mergeClasses(styles.offerRow, !available && styles.greyed)}>
        <div className={styles.offer}>
          <Checkbox
            label={<strong>{name}</strong>}
            checked={selected}
            disabled={!available}
            onChange={(_event, data) => {
              setTyped(null);
              if (data.checked === true) change({ quantity: min });
              else props.onChange(undefined);
            }}
          />
          <Text size={200}>{text.description(offer)}</Text>
          {available && prices.length === 1 && prices[0] && (
            <Text size={200} weight="semibold" data-testid="price">
              {priceText(prices[0])}
            </Text>
          )}
          {available && prices.length > 1 && (
            <Field label={t('newSubscription.termFor', { offer: name })}>
              <Select
                value={term}
                disabled={!selected}
                onChange={(_event, data) => change({ termDuration: data.value as TermDuration })}
              >
                {prices.map((price) => (
                  <option key={price.termDuration} value={price.termDuration}>
                    {priceText(price)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        {available && (
          <Field
            className={styles.quantityField}
            label={t('newSubscription.licensesFor', { offer: name })}
            hint={t('newSubscription.range', { min: format.number(min), max: format.number(max) })}
            validationMessage={problemText}
            validationState={problemText === undefined ? 'none' : 'error'}
          >
            <SpinButton
              className={styles.quantity}
              min={min}
              max={max}
              disabled={!selected}
              value={typed === null ? quantity : null}
              displayValue={typed ?? undefined}
              onInput={(event: SyntheticEvent<HTMLInputElement>) =>
                typeQuantity(event.currentTarget.value)
              }
              onChange={(_event, data) => {
                if (data.value === undefined || data.value === null) {
                  typeQuantity(data.displayValue ?? '');
                } else {
                  setTyped(null);
                  change({ quantity: data.value });
                }
              }}
            />
          </Field>
        )}
      </div>
      {selected && quote && (
        <Text className={styles.quote} data-testid="line-amount">
          {t('billing.offer.lineAmount', {
            quantity: format.number(quote.quantity),
            price: format.money(quote.unitPrice, quote.currency),
            amount: format.money(quote.amount, quote.currency),
            start: format.date(quote.periodStart),
            end: format.date(quote.periodEnd),
          })}
        </Text>
      )}
      {!available && (
        <div>
          <Text weight="semibold">{t('newSubscription.unavailable')}</Text>
          <ul className={styles.reasons}>
            {reasons.map((reason) => (
              <li key={reason.code}>
                {t(`reasons.${reason.code}`)}{' '}
                {reason.code === 'suspended_subscription_exists' && reason.subscriptionId && (
                  <RouterLink
                    to={`/customers/${props.customerId}/subscriptions/${reason.subscriptionId}`}
                  >
                    {t('newSubscription.reactivate')}
                  </RouterLink>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
