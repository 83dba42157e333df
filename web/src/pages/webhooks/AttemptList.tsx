import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { WebhookAttempt } from '../../lib/webhooks';
import { useAttemptTime } from './useAttemptTime';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  line: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  nowrap: { whiteSpace: 'nowrap' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  // What the receiver answered: one line, the whole of it on hover.
  response: {
    display: 'block',
    maxWidth: '360px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
  },
});

const succeeded = (attempt: WebhookAttempt) =>
  attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;

/** Each attempt of a delivery: when, the HTTP status or the error, and how long it took. */
export function AttemptList(props: { attempts: readonly WebhookAttempt[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const time = useAttemptTime();
  if (props.attempts.length === 0) {
    return <Text className={styles.muted}>{t('webhooks.deliveries.noAttempts')}</Text>;
  }
  return (
    <ol className={styles.list}>
      {props.attempts.map((attempt, index) => (
        <li key={`${attempt.at}-${index}`} data-testid="attempt">
          <span className={styles.line}>
            <span className={styles.nowrap}>{time(attempt.at)}</span>
            <span
              className={mergeClasses(
                styles.nowrap,
                succeeded(attempt) ? styles.ok : styles.failed,
              )}
            >
              {attempt.statusCode === null
                ? attempt.error
                : t('webhooks.deliveries.httpStatus', { code: attempt.statusCode })}
            </span>
            <span className={mergeClasses(styles.nowrap, styles.muted)}>
              {t('webhooks.deliveries.duration', { duration: format.number(attempt.durationMs) })}
            </span>
          </span>
          {attempt.responseBody && (
            <Text size={200} className={styles.response} title={attempt.responseBody}>
              {t('webhooks.deliveries.response', { body: attempt.responseBody })}
            </Text>
          )}
        </li>
      ))}
    </ol>
  );
}
