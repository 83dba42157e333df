import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/common';
import { download } from '../../lib/download';
import type { EventFilter } from './filters';

const useStyles = makeStyles({
  export: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
});

/** Every event of the filter (not just this page), as the server's CSV. */
export function ExportCsvButton(props: { filter: EventFilter }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const exportCsv = useMutation({
    mutationFn: async (filter: EventFilter) => {
      const csv = await unwrap(
        api.GET('/v1/events', {
          params: { query: filter },
          headers: { Accept: 'text/csv' },
          credentials: 'include',
          parseAs: 'blob',
        }),
      );
      download(csv, `audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
    },
  });
  return (
    <div className={styles.export}>
      <Button disabled={exportCsv.isPending} onClick={() => exportCsv.mutate(props.filter)}>
        {exportCsv.isPending ? t('audit.export.exporting') : t('audit.export.button')}
      </Button>
      {exportCsv.isError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('audit.export.failed', { message: errorMessage(exportCsv.error) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {exportCsv.isSuccess && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('audit.export.done')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
