import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../api/client';

/** An invoice's status in words: a draft still gathers charges, an issued one is final. */
export function InvoiceStatusBadge(props: { status: Invoice['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={props.status === 'issued' ? 'success' : 'informative'}>
      {t(`billing.statuses.${props.status}`)}
    </Badge>
  );
}
