import {
  Link,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { ALL_EVENTS, type WebhookEndpoint } from '../../lib/webhooks';
import { useEventLabels } from '../audit/labels';
import { EndpointState } from './EndpointState';
import { TableScroll } from '../../components/TableScroll';

const COLUMNS = ['endpoint', 'events', 'state', 'created'] as const;

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  endpoint: { display: 'flex', flexDirection: 'column', paddingBlock: tokens.spacingVerticalXS },
  url: { wordBreak: 'break-all', textAlign: 'start' },
  description: { color: tokens.colorNeutralForeground3 },
  events: { maxWidth: '360px' },
  nowrap: { whiteSpace: 'nowrap' },
});

/** A row names this many types at most; the whole list is on hover and in the details. */
const TYPES_IN_ROW = 3;

/** The event types in words: "All events", or each chosen type's name. */
export function useEventTypesText() {
  const { t, i18n } = useTranslation();
  const labels = useEventLabels();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (types: readonly string[]) =>
    types.includes(ALL_EVENTS) ? t('webhooks.allEvents') : list.format(types.map(labels.what));
}

/** The first few types' names, and an ellipsis when there are more. */
function useFirstTypes() {
  const { t } = useTranslation();
  const labels = useEventLabels();
  return (types: readonly string[]) => {
    const first = types.slice(0, TYPES_IN_ROW).map(labels.what).join(t('webhooks.separator'));
    return types.length > TYPES_IN_ROW ? `${first} …` : first;
  };
}

/** The partner's endpoints; choosing one shows its details and deliveries below. */
export function EndpointTable(props: {
  endpoints: readonly WebhookEndpoint[];
  selectedId: string | undefined;
  onSelect: (endpointId: string) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const eventsText = useEventTypesText();
  const firstTypes = useFirstTypes();
  return (
    <TableScroll labelledBy={props.labelledBy}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="endpoints">
        <TableHeader>
          <TableRow>
            {COLUMNS.map((column) => (
              <TableHeaderCell key={column}>{t(`webhooks.columns.${column}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.endpoints.map((endpoint) => {
            const selected = endpoint.id === props.selectedId;
            const events = eventsText(endpoint.eventTypes);
            return (
              <TableRow
                key={endpoint.id}
                data-endpoint-id={endpoint.id}
                className={mergeClasses(selected && styles.selected)}
              >
                <TableCell>
                  <span className={styles.endpoint}>
                    <Link
                      as="button"
                      className={styles.url}
                      aria-label={t('webhooks.show', { url: endpoint.url })}
                      aria-current={selected ? 'true' : undefined}
                      onClick={() => props.onSelect(endpoint.id)}
                    >
                      {endpoint.url}
                    </Link>
                    {endpoint.description && (
                      <Text size={200} className={styles.description}>
                        {endpoint.description}
                      </Text>
                    )}
                  </span>
                </TableCell>
                <TableCell>
                  <span className={styles.events} title={events}>
                    {endpoint.eventTypes.includes(ALL_EVENTS)
                      ? events
                      : t('webhooks.someEvents', {
                          count: endpoint.eventTypes.length,
                          events: firstTypes(endpoint.eventTypes),
                        })}
                  </span>
                </TableCell>
                <TableCell>
                  <EndpointState endpoint={endpoint} />
                </TableCell>
                <TableCell className={styles.nowrap}>{format.date(endpoint.createdAt)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
