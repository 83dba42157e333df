import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Subscription } from '../../api/client';
import { errorMessage } from '../../components/common';
import { useFormat } from '../../lib/format';
import { invalidateCustomerSubscriptions } from '../../lib/orders';

/** Cancelling a subscription (and its add-ons), offered only when the API lists `cancel`. */
export function CancelSection(props: { customerId: string; subscription: Subscription }) {
  const { customerId, subscription: s } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
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
    onSuccess: () => setOpen(false),
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
      <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button>{t('cancel.button')}</Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('cancel.confirmTitle')}</DialogTitle>
            <DialogContent>
              <Text>{t('cancel.confirmText', { name: s.friendlyName || s.offerName })}</Text>
              {cancel.isError && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>
                    {t('cancel.failed', { message: errorMessage(cancel.error) })}
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabledFocusable={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                {t('cancel.confirm')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('cancel.keep')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
