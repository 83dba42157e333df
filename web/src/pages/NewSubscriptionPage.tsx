import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap, type BillingCycle } from '../api/client';
import { ErrorBar, Loading, NotAllowed, RouterLink } from '../components/common';
import { OfferCard } from '../components/OfferCard';
import { OrderFailure } from '../components/OrderFailure';
import { groupByProduct } from '../lib/catalog';
import { usePlaceOrder } from '../lib/orders';
import { useOfferSelection } from '../lib/selection';
import { useCan } from '../session';
import { useCustomer } from '../lib/customers';
import { useFormat } from '../lib/format';
import { OrderSummary } from './new-subscription/OrderSummary';
import { useOrderPreview } from './new-subscription/useOrderPreview';

type CatalogTab = BillingCycle | 'trial';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  product: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Submit and the order's total stay in sight while the catalog scrolls.
  actions: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  total: { marginLeft: 'auto', fontVariantNumeric: 'tabular-nums' },
});

export function NewSubscriptionPage() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const format = useFormat();
  const can = useCan();
  const customer = useCustomer(customerId);
  const [tab, setTab] = useState<CatalogTab>('monthly');
  const selection = useOfferSelection();
  const [validation, setValidation] = useState<string | null>(null);
  const billingCycle: BillingCycle = tab === 'trial' ? 'monthly' : tab;

  const offers = useQuery({
    queryKey: ['customer-offers', customerId, tab],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/offers', {
          params: {
            path: { customerId },
            // Add-ons are bought on their base subscription's page.
            query: { billingCycle, addOn: false, ...(tab === 'trial' ? { trial: true } : {}) },
          },
        }),
      ),
  });

  const order = usePlaceOrder(customerId);
  const lineItems = selection.lineItems();
  const preview = useOrderPreview(customerId, { billingCycle, lineItems });
  const quoteOf = (offerId: string) =>
    lineItems.length > 0
      ? preview.data?.lineItems.find((line) => line.offerId === offerId)
      : undefined;

  const changeTab = (next: CatalogTab) => {
    setTab(next);
    selection.clear();
    setValidation(null);
    order.reset();
  };

  const submit = () => {
    if (lineItems.length === 0) {
      setValidation(t('newSubscription.nothingSelected'));
      return;
    }
    setValidation(null);
    order.mutate(
      { billingCycle, lineItems },
      {
        onSuccess: (placed) =>
          void navigate(`/customers/${customerId}`, {
            state: { created: placed.lineItems.length },
          }),
      },
    );
  };

  if (!can('orders.create')) return <NotAllowed what={t('newSubscription.notAllowed')} />;
  const offerName = (offerId: string) =>
    offers.data?.items.find((item) => item.offer.id === offerId)?.offer.name ?? offerId;

  return (
    <section className={styles.page} aria-labelledby="new-subscription-title">
      <div>
        <RouterLink to={`/customers/${customerId}`}>
          {customer.data?.companyName ?? t('newSubscription.cancel')}
        </RouterLink>
      </div>
      <Title2 as="h1" id="new-subscription-title">
        {t('newSubscription.title', { customer: customer.data?.companyName ?? '' })}
      </Title2>
      <Title3 as="h2" id="billing-title">
        {t('newSubscription.billing')}
      </Title3>
      <TabList
        aria-labelledby="billing-title"
        selectedValue={tab}
        onTabSelect={(_event, data) => changeTab(data.value as CatalogTab)}
      >
        <Tab value="monthly">{t('newSubscription.tabs.monthly')}</Tab>
        <Tab value="annual">{t('newSubscription.tabs.annual')}</Tab>
        <Tab value="trial">{t('newSubscription.tabs.trial')}</Tab>
      </TabList>
      <Text>{t(`newSubscription.explain.${tab}`)}</Text>
      <Title3 as="h2">{t('newSubscription.catalog')}</Title3>
      <Text>
        {t('newSubscription.restrictedNote')}{' '}
        <RouterLink to="/pricing">{t('newSubscription.restrictedLink')}</RouterLink>
      </Text>
      {offers.isPending && <Loading />}
      {offers.isError && <ErrorBar error={offers.error} />}
      {offers.data && offers.data.items.length === 0 && (
        <Text>{t('newSubscription.noOffers')}</Text>
      )}
      {offers.data &&
        groupByProduct(offers.data.items, (item) => item.offer).map(
          ({ productId, productName, items }) => (
            <section key={productId} className={styles.product} aria-label={productName}>
              <Title3 as="h3">{productName}</Title3>
              {items.map((item) => (
                <OfferCard
                  key={item.offer.id}
                  customerId={customerId}
                  item={item}
                  line={selection.lineOf(item.offer.id)}
                  quote={quoteOf(item.offer.id)}
                  previewCurrency={preview.data?.currency}
                  onChange={(line) => selection.set(item.offer.id, line)}
                />
              ))}
            </section>
          ),
        )}
      <OrderSummary
        preview={lineItems.length > 0 ? preview.data : undefined}
        error={lineItems.length > 0 && preview.isError ? preview.error : null}
        updating={lineItems.length > 0 && preview.isFetching}
        offerName={offerName}
      />
      {validation && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{validation}</MessageBarBody>
        </MessageBar>
      )}
      {order.isError && (
        <OrderFailure
          error={order.error}
          lineNames={order.variables.lineItems.map((line) => offerName(line.offerId))}
        />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={submit} disabled={order.isPending}>
          {order.isPending ? t('newSubscription.submitting') : t('newSubscription.submit')}
        </Button>
        <Button onClick={() => void navigate(`/customers/${customerId}`)}>
          {t('newSubscription.cancel')}
        </Button>
        {lineItems.length > 0 && preview.data && (
          <Text className={styles.total} size={400} weight="semibold" aria-live="polite">
            {t('billing.order.totalBar', {
              total: format.money(preview.data.total, preview.data.currency),
            })}
          </Text>
        )}
      </div>
    </section>
  );
}
