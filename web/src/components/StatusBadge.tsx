import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '../api/client';

/** A subscription's status in words, coloured by what it means for the customer. */
export function StatusBadge(props: { status: Subscription['status'] }) {
  const { t } = useTranslation();
  const color = {
    active: 'success',
    suspended: 'warning',
    expired: 'subtle',
    deleted: 'danger',
  } as const;
  return (
    <Badge appearance="tint" color={color[props.status]}>
      {t(`statuses.${props.status}`)}
    </Badge>
  );
}
