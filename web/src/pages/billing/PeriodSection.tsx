import { Card, Field, makeStyles, Select, Text, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../../components/common';
import { useBillingCalendar, usePeriodInvoices } from '../../lib/billing';
import { useFormat } from '../../lib/format';
import { periodEndOf, periodsUpTo } from '../../lib/periods';
import { PeriodFigures } from './PeriodFigures';
import { PeriodInvoiceTable } from './PeriodInvoiceTable';
import { periodTotals } from './periodTotals';
import { ReconciliationButton } from './ReconciliationButton';

const PERIODS_SHOWN = 24;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: {
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
  },
  picker: { minWidth: '320px' },
});

/** One billing period: its figures, every customer's invoice, and the reconciliation file. */
export function PeriodSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const calendar = useBillingCalendar();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const current = calendar.data?.currentPeriodStart;
  const periodStart = chosen ?? current;
  const invoices = usePeriodInvoices(periodStart);
  const label = (start: string) =>
    t('billing.period', { start: format.date(start), end: format.date(periodEndOf(start)) });

  return (
    <Card className={styles.card} aria-labelledby="period-title">
      <Title3 as="h2" id="period-title">
        {t('billing.periodView.title')}
      </Title3>
      {calendar.isPending && <Loading />}
      {calendar.isError && <ErrorBar error={calendar.error} />}
      {current && periodStart && (
        <div className={styles.toolbar}>
          <Field label={t('billing.periodView.picker')} className={styles.picker}>
            <Select value={periodStart} onChange={(_event, data) => setChosen(data.value)}>
              {periodsUpTo(current, PERIODS_SHOWN).map((start) => (
                <option key={start} value={start}>
                  {start === current
                    ? t('billing.periodView.current', { period: label(start) })
                    : label(start)}
                </option>
              ))}
            </Select>
          </Field>
          <ReconciliationButton periodStart={periodStart} />
        </div>
      )}
      {invoices.isFetching && !invoices.data && <Loading />}
      {invoices.isError && <ErrorBar error={invoices.error} />}
      {invoices.data && invoices.data.length === 0 && <Text>{t('billing.periodView.empty')}</Text>}
      {invoices.data && invoices.data.length > 0 && (
        <>
          <PeriodFigures totals={periodTotals(invoices.data)} />
          <PeriodInvoiceTable invoices={invoices.data} labelledBy="period-title" />
        </>
      )}
    </Card>
  );
}
