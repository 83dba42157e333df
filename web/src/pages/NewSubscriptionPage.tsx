import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Switch,
  Tab,
  TabList,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap, type BillingCycle } from '../api/client';
import { ErrorBar, Loading, NotAllowed, RouterLink } from '../components/common';
import { OfferCard } from '../components/OfferCard';
import { OrderFailure } from '../components/OrderFailure';
import { useNotify } from '../components/Toasts';
import { groupByProduct } from '../lib/catalog';
import { useOfferText } from '../lib/catalogText';
import { usePlaceOrder } from '../lib/orders';
import { useOfferSelection } from '../lib/selection';
import { useCan } from '../session';
import { useCustomer } from '../lib/customers';
import { useFormat } from '../lib/format';
import { OrderSummary } from './new-subscription/OrderSummary';
import { quantityProblem } from './new-subscription/quantityProblem';
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
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalM} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  total: { marginLeft: 'auto', fontVariantNumeric: 'tabular-nums' },
  catalogHead: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
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
  const offerText = useOfferText();
  const notify = useNotify();
  // Whether Submit was pressed: what it then asks for is worked out from the form as it is now,
  // so a warning goes as soon as its cause is fixed.
  const [attempted, setAttempted] = useState(false);
  const [availableOnly, setAvailableOnly] = useState(false);
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
  const items = offers.data?.items ?? [];
  const chosen = selection.lineItems();
  const wrongQuantity = chosen.filter((line) => {
    const offer = items.find((item) => item.offer.id === line.offerId)?.offer;
    const max = offer?.trial ? offer.trial.maxQuantity : offer?.maximumQuantity;
    return offer && max !== undefined && quantityProblem(line.quantity, offer.minimumQuantity, max);
  });
  // The preview prices the lines that can be ordered as they are; the others say what is wrong.
  const lineItems = chosen.filter((line) => !wrongQuantity.includes(line));
  const preview = useOrderPreview(customerId, { billingCycle, lineItems });
  const quoteOf = (offerId: string) =>
    lineItems.length > 0
      ? preview.data?.lineItems.find((line) => line.offerId === offerId)
      : undefined;

  const changeTab = (next: CatalogTab) => {
    setTab(next);
    selection.clear();
    setAttempted(false);
    order.reset();
  };

  // A refused order was about the lines as they were: editing them makes it old news.
  const changeLine = (offerId: string, line: Parameters<typeof selection.set>[1]) => {
    selection.set(offerId, line);
    if (order.isError) order.reset();
  };

  const offerName = (offerId: string) => {
    const offer = items.find((item) => item.offer.id === offerId)?.offer;
    return offer ? offerText.name(offer) : offerId;
  };

  const validation = !attempted
    ? null
    : chosen.length === 0
      ? t('newSubscription.nothingSelected')
      : wrongQuantity.length > 0
        ? t('forms.newSubscription.fixQuantities', {
            offers: wrongQuantity.map((line) => offerName(line.offerId)).join(', '),
          })
        : null;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (chosen.length === 0 || wrongQuantity.length > 0) return;
    order.mutate(
      { billingCycle, lineItems },
      {
        onSuccess: (placed) => {
          notify(
            t('forms.toasts.ordered', {
              count: placed.lineItems.length,
              customer: customer.data?.companyName ?? '',
            }),
          );
          void navigate(`/customers/${customerId}`, {
            state: { created: placed.lineItems.length },
          });
        },
      },
    );
  };

  if (!can('orders.create')) return <NotAllowed what={t('newSubscription.notAllowed')} />;
  const shown = availableOnly ? items.filter((item) => item.available) : items;
  const hidden = items.length - shown.length;

  return (
    <form
      className={styles.page}
      aria-labelledby="new-subscription-title"
      noValidate
      onSubmit={submit}
      // Enter in a licenses box settles the number; only Submit places an order.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
        }
      }}
    >
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
      <div className={styles.catalogHead}>
        <Title3 as="h2">{t('newSubscription.catalog')}</Title3>
        <Switch
          label={t('forms.newSubscription.availableOnly')}
          checked={availableOnly}
          onChange={(_event, data) => setAvailableOnly(data.checked)}
        />
      </div>
      <Text>
        {t('newSubscription.restrictedNote')}{' '}
        <RouterLink to="/pricing">{t('newSubscription.restrictedLink')}</RouterLink>
      </Text>
      {offers.isPending && <Loading />}
      {offers.isError && <ErrorBar error={offers.error} />}
      {offers.data && items.length === 0 && <Text>{t('newSubscription.noOffers')}</Text>}
      {hidden > 0 && (
        <Text role="status">{t('forms.newSubscription.hidden', { count: hidden })}</Text>
      )}
      {groupByProduct(shown, (item) => item.offer).map(({ productId, items: productItems }) => {
        const productName = productItems[0] ? offerText.productName(productItems[0].offer) : '';
        return (
          <section key={productId} className={styles.product} aria-label={productName}>
            <Title3 as="h3">{productName}</Title3>
            {productItems.map((item) => (
              <OfferCard
                key={item.offer.id}
                customerId={customerId}
                item={item}
                line={selection.lineOf(item.offer.id)}
                quote={quoteOf(item.offer.id)}
                previewCurrency={preview.data?.currency}
                onChange={(line) => changeLine(item.offer.id, line)}
              />
            ))}
          </section>
        );
      })}
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
      <div className={styles.actions} data-testid="submit-bar">
        <Button appearance="primary" type="submit" disabled={order.isPending}>
          {order.isPending ? t('newSubscription.submitting') : t('newSubscription.submit')}
        </Button>
        <Button onClick={() => void navigate(`/customers/${customerId}`)}>
          {t('newSubscription.cancel')}
        </Button>
        {chosen.length > 0 && (
          <Text size={200}>{t('forms.newSubscription.selected', { count: chosen.length })}</Text>
        )}
        {lineItems.length > 0 && preview.data && (
          <Text
            className={styles.total}
            size={400}
            weight="semibold"
            aria-live="polite"
            data-testid="total-bar"
          >
            {t('billing.order.totalBar', {
              total: format.money(preview.data.total, preview.data.currency),
            })}
          </Text>
        )}
      </div>
    </form>
  );
}
