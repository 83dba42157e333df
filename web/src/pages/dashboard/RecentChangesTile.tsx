import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../../components/common';
import { useFormat } from '../../lib/format';
import { useEventLabels } from '../audit/labels';
import { useRecentEvents } from './api';
import { Tile, TileList } from './Tile';

const FIRST = 6;

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** The partner's latest changes, newest first, as the audit log has them. */
export function RecentChangesTile() {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const labels = useEventLabels();
  const events = useRecentEvents(FIRST);
  return (
    <Tile
      id="tile-recent"
      title={t('workspace.dashboard.tiles.recent.title')}
      link={{ to: '/audit', text: t('workspace.dashboard.tiles.recent.seeAll') }}
    >
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorBar error={events.error} />
      ) : events.data.length === 0 ? (
        <Text>{t('workspace.dashboard.tiles.recent.empty')}</Text>
      ) : (
        <TileList>
          {events.data.map((event) => (
            <li key={event.id} className={styles.item} data-event-id={event.id}>
              <Text>
                {[labels.what(event.type), event.customerName, event.subscriptionName]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Text size={200} className={styles.detail}>
                {`${format.dateTime(event.occurredAt)} · ${labels.who(event.actor)}`}
              </Text>
            </li>
          ))}
        </TileList>
      )}
    </Tile>
  );
}
