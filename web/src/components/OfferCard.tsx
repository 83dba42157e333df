import {
  Card,
  Checkbox,
  Field,
  makeStyles,
  mergeClasses,
  SpinButton,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { OfferAvailability } from '../api/client';
import { useFormat } from '../lib/format';
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
});

/**
 * One offer of the catalog as a customer sees it: tick it and enter licenses, or, when it is
 * unavailable, greyed with every reason in words (and a link to reactivate a suspended one).
 */
export function OfferCard(props: {
  customerId: string;
  item: OfferAvailability;
  quantity: number | undefined;
  onChange: (quantity: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const { offer, available, reasons } = props.item;
  const selected = props.quantity !== undefined;
  const max = offer.trial ? offer.trial.maxQuantity : offer.maximumQuantity;
  const min = offer.minimumQuantity;
  return (
    <Card className={available ? undefined : styles.unavailable} data-offer-id={offer.id}>
      <div className={mergeClasses(styles.offerRow, !available && styles.greyed)}>
        <div className={styles.offer}>
          <Checkbox
            label={<strong>{offer.name}</strong>}
            checked={selected}
            disabled={!available}
            onChange={(_event, data) => props.onChange(data.checked === true ? min : undefined)}
          />
          <Text size={200}>{offer.description}</Text>
        </div>
        {available && (
          <Field
            className={styles.quantityField}
            label={t('newSubscription.licensesFor', { offer: offer.name })}
            hint={t('newSubscription.range', { min: format.number(min), max: format.number(max) })}
          >
            <SpinButton
              className={styles.quantity}
              min={min}
              max={max}
              disabled={!selected}
              value={props.quantity ?? min}
              onChange={(_event, data) => {
                const value = data.value ?? Number(data.displayValue);
                if (Number.isInteger(value)) props.onChange(value);
              }}
            />
          </Field>
        )}
      </div>
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
