import {
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Subscription, SuspensionReason } from '../../api/client';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session';
import { useSuspensionPreview } from './useSuspensionPreview';

export type Status = 'active' | 'suspended';

const useStyles = makeStyles({
  statusChoice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  indent: {
    marginLeft: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/**
 * The Status section (seed, "Suspend a subscription"): Active or Suspended, the reason, and under
 * Suspended the date the data would be deleted, shown before the change is submitted.
 */
export function StatusChoice(props: {
  subscription: Subscription;
  status: Status;
  onStatus: (status: Status) => void;
  reason: SuspensionReason | '';
  onReason: (reason: SuspensionReason) => void;
  canSuspend: boolean;
  canReactivate: boolean;
}) {
  const { subscription: s, status, reason, canSuspend, canReactivate } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const wasSuspended = s.status === 'suspended';
  // The reasons the user's role may suspend for, as the API decides them.
  const reasons = useSession().data?.suspensionReasons ?? [];
  const wouldExpireAt = useSuspensionPreview(s, status === 'suspended' && !wasSuspended);

  return (
    <div>
      <Title3 as="h2" id="status-title">
        {t('subscription.statusSection')}
      </Title3>
      <RadioGroup
        aria-labelledby="status-title"
        value={status}
        onChange={(_event, data) => props.onStatus(data.value as Status)}
      >
        <Radio
          value="active"
          label={t('subscription.active')}
          disabled={wasSuspended && !canReactivate}
        />
        <div className={styles.statusChoice}>
          <Radio
            value="suspended"
            label={t('subscription.suspended')}
            disabled={!wasSuspended && !canSuspend}
          />
          {status === 'suspended' && (
            <div className={styles.indent}>
              <Text size={200}>{t('subscription.suspendedHint')}</Text>
              {wasSuspended ? (
                <>
                  {s.suspendedAt && s.expiresAt && (
                    <Text data-testid="expiry" weight="semibold">
                      {t('subscription.expiresOn', {
                        since: format.date(s.suspendedAt),
                        date: format.date(s.expiresAt),
                      })}
                    </Text>
                  )}
                  <Text size={200}>
                    {t('subscription.suspensionReasons', {
                      reasons: s.suspensionReasons
                        .map((code) => t(`suspensionReasons.${code}`, { defaultValue: code }))
                        .join(', '),
                    })}
                  </Text>
                </>
              ) : (
                <>
                  <Field label={t('subscription.reason')} required>
                    <Select
                      value={reason}
                      onChange={(_event, data) => props.onReason(data.value as SuspensionReason)}
                    >
                      <option value="" disabled>
                        {t('subscription.reasonPlaceholder')}
                      </option>
                      {reasons.map((code) => (
                        <option key={code} value={code}>
                          {t(`suspensionReasons.${code}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {wouldExpireAt && (
                    <Text data-testid="expiry" weight="semibold">
                      {t('subscription.wouldExpire', { date: format.date(wouldExpireAt) })}
                    </Text>
                  )}
                </>
              )}
            </div>
          )}
        </div>
      </RadioGroup>
    </div>
  );
}
