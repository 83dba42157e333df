import { Button, Text, Title3 } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Subscription } from '../../api/client';
import { errorMessage } from '../../components/common';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotify } from '../../components/Toasts';
import { useSubscriptionName } from '../../lib/catalogText';
import { useFormat } from '../../lib/format';
import { invalidateCustomerSubscriptions } from '../../lib/orders';

/** Cancelling a subscription (and its add-ons), offered only when the API lists `cancel`. */
export function CancelSection(props: { customerId: string; subscription: Subscription }) {
  const { customerId, subscription: s } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const name = useSubscriptionName()(s);
  const [open, setOpen] = useState(false);

  const cancel = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
          params: { path: { customerId, subscriptionId: s.id } },
          body: { status: 'deleted' },
          headers: { 'If-Match': s.etag, 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      notify(t('forms.toasts.cancelled', { name }));
    },
  });

  // Show the cancelled subscription only once the dialog has closed: unmounting an open Fluent
  // dialog (this section goes with the cancel action) would leave the page aria-hidden.
  const cancelled = cancel.data;
  useEffect(() => {
    if (open || !cancelled) return;
    const timer = setTimeout(() => {
      // The button that had focus goes away with this section: let go of it first.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      queryClient.setQueryData(['subscription', customerId, s.id], cancelled);
      void invalidateCustomerSubscriptions(queryClient, customerId);
    }, 500);
    return () => clearTimeout(timer);
  }, [open, cancelled, queryClient, customerId, s.id]);

  return (
    <section aria-labelledby="cancel-title">
      <Title3 as="h2" id="cancel-title">
        {t('cancel.title')}
      </Title3>
      <div>
        <Text data-testid="cancel-window">
          {s.cancellationAllowedUntil
            ? t('cancel.allowedUntil', { date: format.dateTime(s.cancellationAllowedUntil) })
            : t('cancel.anyTime')}
        </Text>
      </div>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        trigger={<Button>{t('cancel.button')}</Button>}
        title={t('cancel.confirmTitle')}
        text={t('cancel.confirmText', { name })}
        confirm={t('cancel.confirm')}
        keep={t('cancel.keep')}
        pending={cancel.isPending}
        problem={
          cancel.isError ? t('cancel.failed', { message: errorMessage(cancel.error) }) : undefined
        }
        onConfirm={() => cancel.mutate()}
      />
    </section>
  );
}
