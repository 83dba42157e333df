import { Card, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingCycle, Offer } from '../../api/client';
import { useOfferWords, type OfferNames } from './words';
import { useDetailsStyles } from '../../components/detailsStyles';
import { useOfferText } from '../../lib/catalogText';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  name: { margin: 0 },
  lines: { margin: 0, padding: 0, listStyleType: 'none' },
});

/** One offer of the price list: what it is, how it is sold, what it costs in `currency`. */
export function OfferCard(props: {
  offer: Offer;
  currency: string;
  billingCycle: BillingCycle | undefined;
  names: OfferNames;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const details = useDetailsStyles();
  const words = useOfferWords();
  const text = useOfferText();
  const { offer } = props;
  const prices = words.prices(offer, props.currency, props.billingCycle);
  const facts: [string, string | string[]][] = [
    ['unit', words.unitType(offer)],
    ['quantity', words.quantity(offer)],
    ['billing', words.billing(offer)],
    ['term', words.terms(offer)],
    ['prices', prices.length > 0 ? prices : t('pricing.noPrice', { currency: props.currency })],
    ['trial', words.trial(offer, props.names)],
    ['cancellation', words.cancellation(offer)],
    ['reduction', words.reduction(offer)],
    ['renewal', words.renewal(offer)],
    ['restrictions', words.restrictions(offer, props.names)],
  ];
  const headingId = `offer-${offer.id}`;
  return (
    <Card className={styles.card} data-offer-id={offer.id} aria-labelledby={headingId}>
      <Subtitle2 as="h4" id={headingId} className={styles.name}>
        {text.name(offer)}
      </Subtitle2>
      <Text>{text.description(offer)}</Text>
      <dl className={details.list}>
        {facts
          .filter(([, value]) => value.length > 0)
          .map(([key, value]) => (
            <Fragment key={key}>
              <dt className={details.term}>{t(`pricing.offer.${key}`)}</dt>
              <dd className={details.value} data-fact={key}>
                {typeof value === 'string' ? (
                  value
                ) : (
                  <ul className={styles.lines}>
                    {value.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </Fragment>
          ))}
      </dl>
    </Card>
  );
}
