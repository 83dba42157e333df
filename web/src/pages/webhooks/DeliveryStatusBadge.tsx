import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../lib/webhooks';

/** A delivery's status in words: still trying, delivered, or given up on. */
export function DeliveryStatusBadge(props: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  const color = { pending: 'informative', succeeded: 'success', failed: 'danger' } as const;
  return (
    <Badge appearance="tint" color={color[props.status]}>
      {t(`webhooks.deliveries.statuses.${props.status}`)}
    </Badge>
  );
}
