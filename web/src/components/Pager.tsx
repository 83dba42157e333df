import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CursorPages } from '../lib/paging';

const useStyles = makeStyles({
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Previous / Next under a list; hidden when everything fits on the first page. */
export function Pager(props: { pages: CursorPages; nextCursor: string | null; label: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { pages, nextCursor } = props;
  if (!pages.hasPrevious && nextCursor === null) return null;
  return (
    <nav className={styles.pager} aria-label={props.label}>
      <Button disabled={!pages.hasPrevious} onClick={pages.previous}>
        {t('app.previousPage')}
      </Button>
      <Text>{t('app.page', { page: pages.page })}</Text>
      <Button
        disabled={nextCursor === null}
        onClick={() => {
          if (nextCursor !== null) pages.next(nextCursor);
        }}
      >
        {t('app.nextPage')}
      </Button>
    </nav>
  );
}
