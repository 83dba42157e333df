import { Card, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '../../api/client';
import { RouterLink } from '../../components/common';
import { useDetailsStyles } from '../../components/detailsStyles';
import { StatusBadge } from '../../components/StatusBadge';
import { useOfferNames } from '../../lib/catalogText';
import { useFormat } from '../../lib/format';

/** What the subscription is: offer, status, billing, term, trial end, base, price. */
export function DetailsCard(props: { customerId: string; subscription: Subscription }) {
  const { subscription: s } = props;
  const { t } = useTranslation();
  const details = useDetailsStyles();
  const format = useFormat();
  const offerName = useOfferNames();
  return (
    <Card>
      <Title3 as="h2">{t('subscription.summary')}</Title3>
      <dl className={details.list}>
        <dt className={details.term}>{t('subscription.offer')}</dt>
        <dd>{offerName(s.offerId, s.offerName)}</dd>
        <dt className={details.term}>{t('subscription.status')}</dt>
        <dd>
          <StatusBadge status={s.status} />
        </dd>
        <dt className={details.term}>{t('subscription.billing')}</dt>
        <dd>
          {t(`billingCycles.${s.billingCycle}`)} · {t(`terms.${s.termDuration}`)}
        </dd>
        <dt className={details.term}>{t('subscription.term')}</dt>
        <dd>
          {t('subscription.termValue', {
            start: format.date(s.effectiveStartDate),
            end: format.date(s.commitmentEndDate),
          })}
        </dd>
        {s.isTrial && s.trialEndDate && (
          <>
            <dt className={details.term}>{t('subscription.trialEnds')}</dt>
            <dd>{format.date(s.trialEndDate)}</dd>
          </>
        )}
        {s.parentSubscriptionId && (
          <>
            <dt className={details.term}>{t('subscription.addOnOf')}</dt>
            <dd>
              <RouterLink
                to={`/customers/${props.customerId}/subscriptions/${s.parentSubscriptionId}`}
              >
                {t('subscription.baseLink')}
              </RouterLink>
            </dd>
          </>
        )}
        <dt className={details.term}>{t('subscription.price')}</dt>
        <dd>{format.money(s.unitPrice, s.currency)}</dd>
      </dl>
    </Card>
  );
}
