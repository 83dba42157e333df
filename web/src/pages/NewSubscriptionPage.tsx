import {
  Button,
  Card,
  Checkbox,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  SpinButton,
  Tab,
  TabList,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap, type BillingCycle, type OfferAvailability } from '../api/client';
import { ErrorBar, errorMessage, Loading, RouterLink } from '../components/common';
import { useFormat } from '../lib/format';
import { useCustomer } from './CustomerPage';

type CatalogTab = BillingCycle | 'trial';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  product: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** The selected offers and their license counts. */
type Selection = Record<string, number>;

function groupByProduct(items: OfferAvailability[]): [string, OfferAvailability[]][] {
  const groups = new Map<string, OfferAvailability[]>();
  for (const item of items) {
    const group = groups.get(item.offer.productId) ?? [];
    group.push(item);
    groups.set(item.offer.productId, group);
  }
  return [...groups.entries()];
}

function OfferCard(props: {
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

export function NewSubscriptionPage() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const customer = useCustomer(customerId);
  const [tab, setTab] = useState<CatalogTab>('monthly');
  const [selection, setSelection] = useState<Selection>({});
  const [validation, setValidation] = useState<string | null>(null);
  // One key per order being prepared: a retry after a network error never orders twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const billingCycle: BillingCycle = tab === 'trial' ? 'monthly' : tab;

  const offers = useQuery({
    queryKey: ['customer-offers', customerId, tab],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/offers', {
          params: {
            path: { customerId },
            query: tab === 'trial' ? { billingCycle, trial: true } : { billingCycle },
          },
        }),
      ),
  });

  const order = useMutation({
    mutationFn: (lineItems: { offerId: string; quantity: number }[]) =>
      unwrap(
        api.POST('/v1/customers/{customerId}/orders', {
          params: { path: { customerId } },
          body: { billingCycle, lineItems },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: async (placed) => {
      await queryClient.invalidateQueries({ queryKey: ['subscriptions', customerId] });
      await queryClient.invalidateQueries({ queryKey: ['customer-offers', customerId] });
      void navigate(`/customers/${customerId}`, { state: { created: placed.lineItems.length } });
    },
    onError: (error) => {
      // A refusal changed nothing: the corrected order is a new request with a new key.
      if (error instanceof ApiError) setIdempotencyKey(crypto.randomUUID());
    },
  });

  const changeTab = (next: CatalogTab) => {
    setTab(next);
    setSelection({});
    setValidation(null);
    order.reset();
  };

  const submit = () => {
    const lineItems = Object.entries(selection).map(([offerId, quantity]) => ({
      offerId,
      quantity,
    }));
    if (lineItems.length === 0) {
      setValidation(t('newSubscription.nothingSelected'));
      return;
    }
    setValidation(null);
    order.mutate(lineItems);
  };

  const lineErrors = order.error instanceof ApiError ? (order.error.problem.errors ?? []) : [];

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
      {offers.isPending && <Loading />}
      {offers.isError && <ErrorBar error={offers.error} />}
      {offers.data && offers.data.items.length === 0 && (
        <Text>{t('newSubscription.noOffers')}</Text>
      )}
      {offers.data &&
        groupByProduct(offers.data.items).map(([productId, items]) => (
          <section
            key={productId}
            className={styles.product}
            aria-label={items[0]?.offer.productName ?? productId}
          >
            <Title3 as="h3">{items[0]?.offer.productName ?? productId}</Title3>
            {items.map((item) => (
              <OfferCard
                key={item.offer.id}
                customerId={customerId}
                item={item}
                quantity={selection[item.offer.id]}
                onChange={(quantity) =>
                  setSelection((previous) => {
                    const rest = Object.fromEntries(
                      Object.entries(previous).filter(([id]) => id !== item.offer.id),
                    );
                    return quantity === undefined ? rest : { ...rest, [item.offer.id]: quantity };
                  })
                }
              />
            ))}
          </section>
        ))}
      {validation && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{validation}</MessageBarBody>
        </MessageBar>
      )}
      {order.isError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('newSubscription.failed', { message: errorMessage(order.error) })}
            {lineErrors.length > 0 && (
              <ul>
                {lineErrors.map((item, index) => (
                  <li key={index}>
                    {t('newSubscription.lineFailed', {
                      line: item.lineItemNumber ?? '',
                      reason: t(`reasons.${item.code}`, { defaultValue: item.detail }),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={submit} disabled={order.isPending}>
          {order.isPending ? t('newSubscription.submitting') : t('newSubscription.submit')}
        </Button>
        <Button onClick={() => void navigate(`/customers/${customerId}`)}>
          {t('newSubscription.cancel')}
        </Button>
      </div>
    </section>
  );
}
