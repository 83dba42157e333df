import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SpinButton,
  Switch,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import {
  api,
  ApiError,
  unwrap,
  type Customer,
  type Offer,
  type Subscription,
  type SubscriptionPatch,
  type SuspensionReason,
} from '../api/client';
import { ErrorBar, errorMessage, Loading, RouterLink } from '../components/common';
import { useNotify } from '../components/Toasts';
import { useSubscriptionName } from '../lib/catalogText';
import { useFormat } from '../lib/format';
import { invalidateCustomerSubscriptions } from '../lib/orders';
import { useCan } from '../session';
import { useCustomer } from '../lib/customers';
import { AddOnsSection } from './subscription/AddOnsSection';
import { DetailsCard } from './subscription/DetailsCard';
import { StatusChoice, type Status } from './subscription/StatusChoice';
import { CancelSection } from './subscription/CancelSection';
import { ConvertSection } from './subscription/ConvertSection';
import { HistorySection } from './subscription/HistorySection';
import { useChangeWords } from './subscription/changeWords';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
  },
});

interface Notice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

function subscriptionKey(customerId: string, subscriptionId: string) {
  return ['subscription', customerId, subscriptionId] as const;
}

export function SubscriptionPage() {
  const { customerId = '', subscriptionId = '' } = useParams();
  const customer = useCustomer(customerId);
  const subscription = useQuery({
    queryKey: subscriptionKey(customerId, subscriptionId),
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
          params: { path: { customerId, subscriptionId } },
        }),
      ),
  });
  const offerId = subscription.data?.offerId;
  const offer = useQuery({
    queryKey: ['offer', offerId],
    enabled: offerId !== undefined,
    queryFn: () =>
      unwrap(api.GET('/v1/offers/{offerId}', { params: { path: { offerId: offerId ?? '' } } })),
    staleTime: Infinity,
  });
  const [notice, setNotice] = useState<Notice | null>(null);
  const failed = customer.error ?? subscription.error ?? offer.error;
  if (failed) return <ErrorBar error={failed} />;
  if (!customer.data || !subscription.data || !offer.data) return <Loading />;
  // Keyed by version: after a change the form starts again from what the API answered.
  return (
    <SubscriptionEditor
      key={subscription.data.etag}
      customer={customer.data}
      subscription={subscription.data}
      offer={offer.data}
      notice={notice}
      onNotice={setNotice}
    />
  );
}

function SubscriptionEditor(props: {
  customer: Customer;
  subscription: Subscription;
  offer: Offer;
  /** What the last submit did: kept by the page, as the editor starts afresh after a change. */
  notice: Notice | null;
  onNotice: (notice: Notice | null) => void;
}) {
  const { customer, subscription: s, offer } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const changeWords = useChangeWords();
  const name = useSubscriptionName()(s);
  const [friendlyName, setFriendlyName] = useState(s.friendlyName);
  const [quantity, setQuantity] = useState(s.quantity);
  const [autoRenew, setAutoRenew] = useState(s.autoRenewEnabled);
  const [status, setStatus] = useState<Status>(s.status === 'suspended' ? 'suspended' : 'active');
  const [reason, setReason] = useState<SuspensionReason | ''>('');
  const [message, setMessage] = useState<{ intent: 'success' | 'warning'; text: string } | null>(
    null,
  );

  const converted = (useLocation().state as { converted?: boolean } | null)?.converted;
  const can = useCan();
  const editable = s.status === 'active' || s.status === 'suspended';
  // What the subscription allows now (its actions) and what the user's role may do.
  const canEditDetails = can('subscriptions.update_details');
  const canChangeQuantity =
    s.actions.includes('change_quantity') && can('subscriptions.change_quantity');
  const canSuspend = s.actions.includes('suspend') && can('subscriptions.suspend');
  const canReactivate = s.actions.includes('reactivate') && can('subscriptions.reactivate');
  const wasSuspended = s.status === 'suspended';
  const path = { customerId: customer.id, subscriptionId: s.id };

  // The answer of the last request of a submit that went through, should a later one fail.
  const applied = useRef<Subscription | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      // The API takes a status change on its own: fields first while active, status first to
      // reactivate, each request guarded by the version the previous one answered.
      const fields: SubscriptionPatch = {};
      if (friendlyName.trim() !== s.friendlyName) fields.friendlyName = friendlyName.trim();
      if (autoRenew !== s.autoRenewEnabled) fields.autoRenewEnabled = autoRenew;
      if (quantity !== s.quantity) fields.quantity = quantity;
      const statusChange: SubscriptionPatch | null =
        status === 'suspended' && !wasSuspended
          ? { status: 'suspended', suspensionReason: reason as SuspensionReason }
          : status === 'active' && wasSuspended
            ? { status: 'active' }
            : null;
      const steps = wasSuspended ? [statusChange, fields] : [fields, statusChange];
      let etag = s.etag;
      let latest: Subscription | null = null;
      applied.current = null;
      for (const body of steps) {
        if (!body || Object.keys(body).length === 0) continue;
        latest = await unwrap(
          api.PATCH('/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
            params: { path },
            body,
            headers: { 'If-Match': etag, 'Idempotency-Key': crypto.randomUUID() },
          }),
        );
        etag = latest.etag;
        applied.current = latest;
      }
      return latest;
    },
    onSuccess: async (latest) => {
      if (latest) {
        props.onNotice({ intent: 'success', text: t('subscription.saved') });
        notify(t('forms.toasts.saved', { name, changes: changeWords(s, latest) }));
      }
      if (!latest) {
        setMessage({ intent: 'warning', text: t('subscription.noChanges') });
        return;
      }
      queryClient.setQueryData(subscriptionKey(customer.id, s.id), latest);
      await invalidateCustomerSubscriptions(queryClient, customer.id);
    },
    onError: async (error) => {
      const failure = t('subscription.failed', { message: errorMessage(error) });
      if (error instanceof ApiError && error.status === 412) {
        // Someone else changed it meanwhile: show what it is now, and say so.
        props.onNotice({ intent: 'warning', text: t('subscription.conflict') });
        await queryClient.invalidateQueries({ queryKey: subscriptionKey(customer.id, s.id) });
      } else if (applied.current) {
        // The first of two requests went through: show the subscription as it is now.
        props.onNotice({ intent: 'error', text: failure });
        queryClient.setQueryData(subscriptionKey(customer.id, s.id), applied.current);
        await invalidateCustomerSubscriptions(queryClient, customer.id);
      }
    },
  });

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    setMessage(null);
    props.onNotice(null);
    if (status === 'suspended' && !wasSuspended && reason === '') {
      setMessage({ intent: 'warning', text: t('subscription.reasonRequired') });
      return;
    }
    save.mutate();
  };

  const quantityLocked = !canChangeQuantity || status === 'suspended';
  const dirty =
    friendlyName !== s.friendlyName ||
    quantity !== s.quantity ||
    autoRenew !== s.autoRenewEnabled ||
    status !== (wasSuspended ? 'suspended' : 'active');

  return (
    <section className={styles.page} aria-labelledby="subscription-title">
      <div>
        <RouterLink to={`/customers/${customer.id}`}>{customer.companyName}</RouterLink>
      </div>
      <Title2 as="h1" id="subscription-title">
        {t('subscription.title', { name })}
      </Title2>
      {converted && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('convert.done')}</MessageBarBody>
        </MessageBar>
      )}
      <DetailsCard customerId={customer.id} subscription={s} />
      {!editable && <Text>{t('subscription.readOnly')}</Text>}
      {editable && (
        <form className={styles.form} onSubmit={onSubmit} aria-labelledby="subscription-title">
          <Field label={t('subscription.friendlyName')}>
            <Input
              value={friendlyName}
              disabled={!canEditDetails}
              maxLength={200}
              onChange={(_event, data) => setFriendlyName(data.value)}
            />
          </Field>
          <Field
            label={t('subscription.quantity')}
            hint={
              quantityLocked
                ? t('subscription.quantityLocked')
                : t('subscription.quantityHint', {
                    min: format.number(offer.minimumQuantity),
                    max: format.number(offer.maximumQuantity),
                    assigned: format.number(s.assignedLicenses),
                  })
            }
          >
            <SpinButton
              min={offer.minimumQuantity}
              max={offer.maximumQuantity}
              value={quantity}
              disabled={quantityLocked}
              onChange={(_event, data) => {
                const value = data.value ?? Number(data.displayValue);
                if (Number.isInteger(value)) setQuantity(value);
              }}
            />
          </Field>
          <Switch
            label={t('subscription.autoRenew')}
            checked={autoRenew}
            disabled={!offer.autoRenewable || !canEditDetails}
            onChange={(_event, data) => setAutoRenew(data.checked)}
          />
          <StatusChoice
            subscription={s}
            status={status}
            onStatus={setStatus}
            reason={reason}
            onReason={setReason}
            canSuspend={canSuspend}
            canReactivate={canReactivate}
          />
          {props.notice && !dirty && !message && !save.isError && (
            <MessageBar
              intent={props.notice.intent}
              role={props.notice.intent === 'success' ? 'status' : 'alert'}
            >
              <MessageBarBody>{props.notice.text}</MessageBarBody>
            </MessageBar>
          )}
          {message && (
            <MessageBar intent={message.intent} role="alert">
              <MessageBarBody>{message.text}</MessageBarBody>
            </MessageBar>
          )}
          {save.isError && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                {t('subscription.failed', { message: errorMessage(save.error) })}
              </MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button appearance="primary" type="submit" disabled={save.isPending}>
              {save.isPending ? t('subscription.submitting') : t('subscription.submit')}
            </Button>
          </div>
        </form>
      )}
      {!s.parentSubscriptionId && <AddOnsSection customerId={customer.id} base={s} />}
      {s.actions.includes('convert') && can('subscriptions.convert') && (
        <ConvertSection customerId={customer.id} trial={s} offer={offer} />
      )}
      {s.actions.includes('cancel') && can('subscriptions.cancel') && (
        <CancelSection customerId={customer.id} subscription={s} />
      )}
      <HistorySection customerId={customer.id} subscriptionId={s.id} etag={s.etag} />
    </section>
  );
}
