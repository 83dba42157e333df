import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading, RouterLink } from '../../components/common';
import { useOfferNames, useSubscriptionName } from '../../lib/catalogText';
import { listSubscriptions } from '../subscriptions/api';
import { subscriptionQuery, subscriptionsLink, readFilters } from '../subscriptions/filters';
import { useRelativeDate } from './relativeDate';
import { Tile, TileList } from './Tile';
import type { SubscriptionTileSpec } from './tiles';

/** How many items a tile shows; the link leads to the rest. */
const FIRST = 5;

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** A tile of subscriptions: the first few of a filtered list, each with its date. */
export function SubscriptionTile(props: { spec: SubscriptionTileSpec; today: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const offerName = useOfferNames();
  const subscriptionName = useSubscriptionName();
  const dated = useRelativeDate(props.today);
  const { name, filters, dateOf } = props.spec;
  const query = subscriptionQuery({ ...readFilters(new URLSearchParams()), ...filters });
  const list = useQuery({
    queryKey: ['subscriptions-across', query, 'first'],
    queryFn: () => listSubscriptions({ ...query, limit: FIRST }),
  });
  const tile = `workspace.dashboard.tiles.${name}` as const;
  return (
    <Tile
      id={`tile-${name}`}
      title={t(`${tile}.title`)}
      link={{ to: subscriptionsLink(filters), text: t('workspace.dashboard.seeAll') }}
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorBar error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text>{t(`${tile}.empty`)}</Text>
      ) : (
        <TileList>
          {list.data.items.map((subscription) => {
            const date = dateOf(subscription);
            return (
              <li key={subscription.id} className={styles.item}>
                <RouterLink
                  to={`/customers/${subscription.customerId}/subscriptions/${subscription.id}`}
                >
                  {`${subscription.customerName} · ${subscriptionName(subscription)}`}
                </RouterLink>
                <Text size={200} className={styles.detail}>
                  {offerName(subscription.offerId, subscription.offerName)}
                  {date && ` · ${t(`${tile}.when`, { date: dated(date) })}`}
                </Text>
              </li>
            );
          })}
        </TileList>
      )}
    </Tile>
  );
}
