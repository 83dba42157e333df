import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Subscription } from '../../api/client';
import { ErrorBar, Loading, RouterLink } from '../../components/common';
import { OfferCard } from '../../components/OfferCard';
import { OrderFailure } from '../../components/OrderFailure';
import { useNotify } from '../../components/Toasts';
import { useOfferNames, useSubscriptionName } from '../../lib/catalogText';
import { useFormat } from '../../lib/format';
import { usePlaceOrder } from '../../lib/orders';
import { useOfferSelection } from '../../lib/selection';
import { useCan } from '../../session';
import { StatusBadge } from '../../components/StatusBadge';
import { quantityProblem } from '../new-subscription/quantityProblem';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  offers: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * Seed step 6: the add-ons of a base subscription, and the add-on offers it can take, bought
 * with licenses of their own on the base's billing frequency.
 */
export function AddOnsSection(props: { customerId: string; base: Subscription }) {
  const { customerId, base } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const can = useCan();
  const notify = useNotify();
  const offerNames = useOfferNames();
  const subscriptionName = useSubscriptionName();
  const path = { customerId, subscriptionId: base.id };
  const addOns = useQuery({
    queryKey: ['addons', customerId, base.id],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}/addons', {
          params: { path },
        }),
      ),
  });
  const canBuy = base.actions.includes('add_addon') && can('orders.create');
  const offers = useQuery({
    queryKey: ['addon-offers', customerId, base.id],
    enabled: canBuy,
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}/addon-offers', {
          params: { path },
        }),
      ),
  });
  const selection = useOfferSelection();
  const [added, setAdded] = useState<number | null>(null);
  const [nothingTicked, setNothingTicked] = useState(false);
  const order = usePlaceOrder(customerId);

  const offerName = (offerId: string) => offerNames(offerId);
  const wrongQuantity = (line: { offerId: string; quantity: number }) => {
    const offer = offers.data?.items.find((item) => item.offer.id === line.offerId)?.offer;
    return (
      offer !== undefined &&
      quantityProblem(line.quantity, offer.minimumQuantity, offer.maximumQuantity) !== null
    );
  };
  // Ticking an offer answers "tick at least one": the warning goes with its cause.
  const changeLine = (offerId: string, line: Parameters<typeof selection.set>[1]) => {
    selection.set(offerId, line);
    setNothingTicked(false);
  };
  const submit = () => {
    setAdded(null);
    const lineItems = selection
      .lineItems()
      .map((line) => ({ ...line, parentSubscriptionId: base.id }));
    setNothingTicked(lineItems.length === 0);
    // Each card already says what is wrong with its number of licenses.
    if (lineItems.length === 0 || lineItems.some(wrongQuantity)) return;
    order.mutate(
      { billingCycle: base.billingCycle, lineItems },
      {
        onSuccess: (placed) => {
          selection.clear();
          setAdded(placed.lineItems.length);
          notify(
            t('forms.toasts.addOnsAdded', {
              count: placed.lineItems.length,
              name: subscriptionName(base),
            }),
          );
        },
      },
    );
  };

  const hasAddOns = (addOns.data?.items.length ?? 0) > 0;
  if (!canBuy && !hasAddOns) return null;
  return (
    <section className={styles.section} aria-labelledby="addons-title">
      <Title3 as="h2" id="addons-title">
        {t('addOns.title')}
      </Title3>
      {addOns.isError && <ErrorBar error={addOns.error} />}
      {addOns.data && !hasAddOns && <Text>{t('addOns.none')}</Text>}
      {addOns.data && hasAddOns && (
        <Table aria-labelledby="addons-title" data-testid="addons">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('customer.columns.name')}</TableHeaderCell>
              <TableHeaderCell>{t('addOns.quantity')}</TableHeaderCell>
              <TableHeaderCell>{t('customer.columns.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {addOns.data.items.map((addOn) => (
              <TableRow key={addOn.id}>
                <TableCell>
                  <RouterLink to={`/customers/${customerId}/subscriptions/${addOn.id}`}>
                    {subscriptionName(addOn)}
                  </RouterLink>
                </TableCell>
                <TableCell>{format.number(addOn.quantity)}</TableCell>
                <TableCell>
                  <StatusBadge status={addOn.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canBuy && (
        <>
          <Title3 as="h3">{t('addOns.available')}</Title3>
          {offers.isPending && <Loading />}
          {offers.isError && <ErrorBar error={offers.error} />}
          {offers.data && (
            <div className={styles.offers}>
              {offers.data.items.map((item) => (
                <OfferCard
                  key={item.offer.id}
                  customerId={customerId}
                  item={item}
                  line={selection.lineOf(item.offer.id)}
                  onChange={(line) => changeLine(item.offer.id, line)}
                />
              ))}
            </div>
          )}
          {nothingTicked && (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>{t('newSubscription.nothingSelected')}</MessageBarBody>
            </MessageBar>
          )}
          {added !== null && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t('addOns.added', { count: added })}</MessageBarBody>
            </MessageBar>
          )}
          {order.isError && (
            <OrderFailure
              error={order.error}
              lineNames={order.variables.lineItems.map((line) => offerName(line.offerId))}
            />
          )}
          <div>
            <Button onClick={submit} disabled={order.isPending}>
              {order.isPending ? t('addOns.adding') : t('addOns.add')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
