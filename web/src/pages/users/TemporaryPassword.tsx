import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ShownOnceSecret } from '../../components/ShownOnceSecret';

const useStyles = makeStyles({
  password: { minWidth: '260px' },
});

/** The password the API made for a new user: it answers it once, so it is shown once. */
export function TemporaryPassword(props: { email: string; password: string; onDone: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ShownOnceSecret
      data-testid="temporary-password"
      value={props.password}
      valueClassName={styles.password}
      words={{
        title: t('users.temporary.title', { email: props.email }),
        warning: t('users.temporary.warning'),
        label: t('users.temporary.label'),
        copy: t('users.temporary.copy'),
        copied: t('users.temporary.copied'),
        copyFailed: t('users.temporary.copyFailed'),
        done: t('users.temporary.done'),
      }}
      onDone={props.onDone}
    />
  );
}
