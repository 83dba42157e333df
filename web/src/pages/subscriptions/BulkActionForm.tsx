import { Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuspensionReason } from '../../api/client';
import { errorMessage } from '../../components/common';
import { DialogForm } from '../../components/DialogForm';
import { useSession } from '../../session';
import { bulkUpdateSubscriptions, type BulkResult } from './api';
import { bulkRequest, type BulkAction } from './bulkActions';

/** The confirmation of one bulk action, asking what it needs (a reason, a quantity) first. */
export function BulkActionForm(props: {
  action: BulkAction;
  subscriptionIds: string[];
  onDone: (results: BulkResult[]) => void;
}) {
  const { t } = useTranslation();
  const { action, subscriptionIds } = props;
  const reasons = useSession().data?.suspensionReasons ?? [];
  const [reason, setReason] = useState<SuspensionReason | ''>('');
  const [quantity, setQuantity] = useState('');
  const [checked, setChecked] = useState(false);
  // One key per opened dialog: a retried click cannot act twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const apply = useMutation({
    mutationFn: () =>
      bulkUpdateSubscriptions(
        bulkRequest(action, subscriptionIds, { reason, quantity: Number(quantity) }),
        idempotencyKey,
      ),
    onSuccess: props.onDone,
  });
  const reasonMissing = action === 'suspend' && reason === '';
  const quantityWrong = action === 'change_quantity' && !/^[1-9]\d{0,6}$/.test(quantity);
  const submit = () => {
    setChecked(true);
    if (!reasonMissing && !quantityWrong) apply.mutate();
  };
  return (
    <DialogForm
      title={t(`workspace.subscriptions.bulk.confirm.${action}`, {
        count: subscriptionIds.length,
      })}
      submit={
        apply.isPending
          ? t('workspace.subscriptions.bulk.applying')
          : t('workspace.subscriptions.bulk.apply')
      }
      cancel={t('workspace.subscriptions.bulk.back')}
      pending={apply.isPending}
      onSubmit={submit}
    >
      <Text>{t(`workspace.subscriptions.bulk.explain.${action}`)}</Text>
      <Text>{t('workspace.subscriptions.bulk.each')}</Text>
      {action === 'suspend' && (
        <Field
          label={t('workspace.subscriptions.bulk.reason')}
          required
          validationMessage={
            checked && reasonMissing ? t('workspace.subscriptions.bulk.reasonRequired') : undefined
          }
        >
          <Select
            value={reason}
            onChange={(_event, data) => setReason(data.value as SuspensionReason)}
          >
            <option value="" disabled>
              {t('workspace.subscriptions.bulk.reasonPlaceholder')}
            </option>
            {reasons.map((code) => (
              <option key={code} value={code}>
                {t(`suspensionReasons.${code}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {action === 'change_quantity' && (
        <Field
          label={t('workspace.subscriptions.bulk.quantity')}
          required
          validationMessage={
            checked && quantityWrong
              ? t('workspace.subscriptions.bulk.quantityRequired')
              : undefined
          }
        >
          <Input
            type="number"
            min={1}
            step={1}
            value={quantity}
            onChange={(_event, data) => setQuantity(data.value)}
          />
        </Field>
      )}
      {apply.isError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('workspace.subscriptions.bulk.failed', { message: errorMessage(apply.error) })}
          </MessageBarBody>
        </MessageBar>
      )}
    </DialogForm>
  );
}
