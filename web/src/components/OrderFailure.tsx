import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './common';

/** Why an order was refused, line by line: each line named by its offer, each reason in words. */
export function OrderFailure(props: { error: unknown; lineNames: readonly string[] }) {
  const { t } = useTranslation();
  const lineErrors = props.error instanceof ApiError ? (props.error.problem.errors ?? []) : [];
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {t('newSubscription.failed', { message: errorMessage(props.error) })}
        {lineErrors.length > 0 && (
          <ul>
            {lineErrors.map((item, index) => (
              <li key={index}>
                {t('newSubscription.lineFailed', {
                  line:
                    item.lineItemNumber === undefined
                      ? ''
                      : (props.lineNames[item.lineItemNumber] ?? item.lineItemNumber),
                  reason: t(`reasons.${item.code}`, { defaultValue: item.detail }),
                })}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
