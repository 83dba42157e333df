import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/common';
import { download } from '../../lib/download';

const useStyles = makeStyles({
  export: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: tokens.spacingVerticalS,
  },
});

/** Every charge of the period with its cost, price and margin, as the server's CSV. */
export function ReconciliationButton(props: { periodStart: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reconciliation = useMutation({
    mutationFn: async (periodStart: string) => {
      const csv = await unwrap(
        api.GET('/v1/billing/reconciliation', {
          params: { query: { periodStart } },
          parseAs: 'blob',
        }),
      );
      download(csv, `reconciliation-${periodStart}.csv`);
    },
  });
  return (
    <div className={styles.export}>
      <Button
        disabled={reconciliation.isPending}
        onClick={() => reconciliation.mutate(props.periodStart)}
      >
        {reconciliation.isPending
          ? t('billing.periodView.downloading')
          : t('billing.periodView.download')}
      </Button>
      {reconciliation.isError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('billing.periodView.downloadFailed', {
              message: errorMessage(reconciliation.error),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
