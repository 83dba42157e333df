import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../api/client';
import { useFormat } from '../../lib/format';

const useStyles = makeStyles({
  totals: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(120px, max-content)',
    justifyContent: 'end',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  figure: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  internal: { color: tokens.colorNeutralForeground3 },
});

/** The invoice's total; its cost and margin too for those who may see them. */
export function InvoiceTotals(props: { invoice: Invoice; showMargin: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const { invoice } = props;
  return (
    <dl className={styles.totals}>
      <dt className={styles.total}>{t('billing.invoice.total')}</dt>
      <dd className={mergeClasses(styles.figure, styles.total)} data-testid="invoice-total">
        {format.money(invoice.total, invoice.currency)}
      </dd>
      {props.showMargin && (
        <>
          <dt>
            <Text className={styles.internal}>{t('billing.invoice.cost')}</Text>
          </dt>
          <dd className={mergeClasses(styles.figure, styles.internal)}>
            {format.money(invoice.cost, invoice.currency)}
          </dd>
          <dt>
            <Text className={styles.internal}>{t('billing.invoice.margin')}</Text>
          </dt>
          <dd className={mergeClasses(styles.figure, styles.internal)} data-testid="invoice-margin">
            {format.money(invoice.margin, invoice.currency)}
          </dd>
        </>
      )}
    </dl>
  );
}
