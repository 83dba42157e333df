import { Button, makeStyles, Text, tokens, Toolbar } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/DialogForm';
import { useCan } from '../../session';
import type { BulkResult } from './api';
import { BulkActionForm } from './BulkActionForm';
import { ACTION_PERMISSION, BULK_ACTIONS } from './bulkActions';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  count: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
});

/** The commands for the selected subscriptions: only those the role may do. */
export function BulkBar(props: {
  selectedIds: string[];
  onClear: () => void;
  onDone: (results: BulkResult[]) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const can = useCan();
  const actions = BULK_ACTIONS.filter((action) => can(ACTION_PERMISSION[action]));
  const count = props.selectedIds.length;
  if (count === 0) return null;
  return (
    <Toolbar className={styles.bar} aria-label={t('workspace.subscriptions.bulk.label')}>
      <Text className={styles.count} role="status">
        {t('workspace.subscriptions.bulk.selected', { count })}
      </Text>
      {actions.map((action) => (
        <FormDialog
          key={action}
          trigger={<Button>{t(`workspace.subscriptions.bulk.operations.${action}`)}</Button>}
        >
          {(close) => (
            <BulkActionForm
              action={action}
              subscriptionIds={props.selectedIds}
              onDone={(results) => {
                close();
                props.onDone(results);
              }}
            />
          )}
        </FormDialog>
      ))}
      <Button appearance="subtle" onClick={props.onClear}>
        {t('workspace.subscriptions.bulk.clearSelection')}
      </Button>
    </Toolbar>
  );
}
