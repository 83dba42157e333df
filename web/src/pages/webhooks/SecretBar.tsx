import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ShownOnceSecret } from '../../components/ShownOnceSecret';

const useStyles = makeStyles({
  // A whole secret (whsec_ and 44 characters) in view.
  secret: { width: '56ch', maxWidth: '100%' },
});

/** A signing secret, which the API answers once: shown once, with a way to copy it. */
export function SecretBar(props: {
  title: string;
  secret: string;
  /** What else the reader must know, e.g. until when the old secret signs. */
  note?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ShownOnceSecret
      data-testid="webhook-secret"
      value={props.secret}
      valueClassName={styles.secret}
      words={{
        title: props.title,
        warning: t('webhooks.secret.warning'),
        note: props.note,
        label: t('webhooks.secret.label'),
        copy: t('webhooks.secret.copy'),
        copied: t('webhooks.secret.copied'),
        copyFailed: t('webhooks.secret.copyFailed'),
        done: t('webhooks.secret.done'),
      }}
      onDone={props.onDone}
    />
  );
}
