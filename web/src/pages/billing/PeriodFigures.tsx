import { Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { PeriodTotal } from './periodTotals';

const useStyles = makeStyles({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  label: { color: tokens.colorNeutralForeground3 },
  amount: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
});

/** The numbers a partner watches for the period: invoices, money in, cost, margin. */
export function PeriodFigures(props: { totals: readonly PeriodTotal[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  return (
    <>
      {props.totals.map((line) => (
        <div key={line.currency} className={styles.figures} data-testid={`period-${line.currency}`}>
          <Figure label={t('billing.periodView.invoiceCount')} value={format.number(line.count)} />
          <Figure
            label={t('billing.periodView.total')}
            value={format.money(line.total, line.currency)}
          />
          <Figure
            label={t('billing.periodView.cost')}
            value={format.money(line.cost, line.currency)}
          />
          <Figure
            label={t('billing.periodView.margin')}
            value={format.money(line.margin, line.currency)}
          />
        </div>
      ))}
    </>
  );
}

function Figure(props: { label: string; value: string }) {
  const styles = useStyles();
  return (
    <Card>
      <Text className={styles.label}>{props.label}</Text>
      <Text className={styles.amount}>{props.value}</Text>
    </Card>
  );
}
