import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/common';
import type { EventFilter } from './filters';

const useStyles = makeStyles({
  export: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
});

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled, not before the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

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
