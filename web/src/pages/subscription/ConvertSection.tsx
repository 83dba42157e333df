import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  SpinButton,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  api,
  ApiError,
  unwrap,
  type BillingCycle,
  type Offer,
  type Subscription,
} from '../../api/client';
import { errorMessage } from '../../components/common';
import { useNotify } from '../../components/Toasts';
import { useOfferText } from '../../lib/catalogText';
import { useFormat } from '../../lib/format';
import { invalidateCustomerSubscriptions } from '../../lib/orders';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '560px',
  },
});

/** A trial becomes a paid subscription of one of its conversion targets; the trial ends. */
export function ConvertSection(props: { customerId: string; trial: Subscription; offer: Offer }) {
  const { customerId, trial, offer } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const offerText = useOfferText();
  const targetIds = offer.trial?.conversionTargetOfferIds ?? [];
  const targets = useQueries({
    queries: targetIds.map((offerId) => ({
      queryKey: ['offer', offerId],
      queryFn: () => unwrap(api.GET('/v1/offers/{offerId}', { params: { path: { offerId } } })),
      staleTime: Infinity,
    })),
  })
    .map((query) => query.data)
    .filter((target) => target !== undefined);
  const [targetId, setTargetId] = useState(targetIds[0] ?? '');
  const target = targets.find((candidate) => candidate.id === targetId);
  const [billingCycle, setBillingCycle] = useState<BillingCycle>('monthly');
  const [quantity, setQuantity] = useState(trial.quantity);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const cycles = target?.billingCycles ?? [];
  // A target not sold on the chosen frequency falls back to one it is sold on.
  const cycle = cycles.includes(billingCycle) ? billingCycle : (cycles[0] ?? billingCycle);

  const convert = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/customers/{customerId}/subscriptions/{subscriptionId}/conversions', {
          params: { path: { customerId, subscriptionId: trial.id } },
          body: { targetOfferId: targetId, quantity, billingCycle: cycle },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: async (paid) => {
      notify(
        t('forms.toasts.converted', { offer: target ? offerText.name(target) : paid.offerName }),
      );
      await invalidateCustomerSubscriptions(queryClient, customerId);
      await queryClient.invalidateQueries({ queryKey: ['subscription', customerId, trial.id] });
      void navigate(`/customers/${customerId}/subscriptions/${paid.id}`, {
        state: { converted: true },
      });
    },
    onError: (error) => {
      if (error instanceof ApiError) setIdempotencyKey(crypto.randomUUID());
    },
  });

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    convert.mutate();
  };

  return (
    <section aria-labelledby="convert-title">
      <form className={styles.form} onSubmit={onSubmit} aria-labelledby="convert-title">
        <Title3 as="h2" id="convert-title">
          {t('convert.title')}
        </Title3>
        <Text>
          {trial.trialEndDate
            ? t('convert.endsOn', { date: format.date(trial.trialEndDate) })
            : t('convert.intro')}
        </Text>
        <Field label={t('convert.target')}>
          <Select value={targetId} onChange={(_event, data) => setTargetId(data.value)}>
            {targets.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {offerText.name(candidate)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('convert.billing')}>
          <Select
            value={cycle}
            onChange={(_event, data) => setBillingCycle(data.value as BillingCycle)}
          >
            {cycles.map((cycle) => (
              <option key={cycle} value={cycle}>
                {t(`billingCycles.${cycle}`)}
              </option>
            ))}
          </Select>
        </Field>
        {target && (
          <Field
            label={t('convert.quantity')}
            hint={t('newSubscription.range', {
              min: format.number(target.minimumQuantity),
              max: format.number(target.maximumQuantity),
            })}
          >
            <SpinButton
              min={target.minimumQuantity}
              max={target.maximumQuantity}
              value={quantity}
              onChange={(_event, data) => {
                const value = data.value ?? Number(data.displayValue);
                if (Number.isInteger(value)) setQuantity(value);
              }}
            />
          </Field>
        )}
        {convert.isError && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {t('convert.failed', { message: errorMessage(convert.error) })}
            </MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button type="submit" disabled={!target || convert.isPending}>
            {t('convert.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
