import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { MoneyCell } from '../../components/MoneyCell';
import { useFormat } from '../../lib/format';
import type { BillingOverview } from './api';
import { Tile } from './Tile';

const useStyles = makeStyles({
  chart: { width: '100%', height: '240px', minWidth: 0 },
  // The figures for screen readers: the chart itself is a picture of them.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

type Period = BillingOverview['periods'][number];

/** The invoiced total of each of the last 12 billing periods in one currency, as bars. */
export function InvoicedChart(props: { currency: string; periods: Period[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const month = new Intl.DateTimeFormat(i18n.language, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const id = `tile-invoiced-${props.currency}`;
  const title = t('workspace.dashboard.money.chart', { currency: props.currency });
  // For drawing only: the amounts shown as text stay exact decimal strings.
  const bars = props.periods.map((period) => ({
    label: month.format(new Date(`${period.periodStart}T00:00:00Z`)),
    invoiced: Number(period.invoiced),
    text: format.money(period.invoiced, period.currency),
  }));
  return (
    <Tile id={id} title={title}>
      <Text size={200} className={styles.hidden}>
        {t('workspace.dashboard.money.chartSummary')}
      </Text>
      <div className={styles.chart} aria-hidden="true" data-testid="invoiced-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={bars}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          >
            <CartesianGrid stroke={tokens.colorNeutralStroke2} vertical={false} />
            <XAxis dataKey="label" stroke={tokens.colorNeutralForeground3} fontSize={12} />
            <YAxis stroke={tokens.colorNeutralForeground3} fontSize={12} width={56} />
            <Tooltip
              formatter={(_value, _name, item) => [
                (item.payload as { text: string }).text,
                t('workspace.dashboard.money.invoiced'),
              ]}
            />
            <Bar dataKey="invoiced" fill={tokens.colorBrandBackground} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table className={styles.hidden} aria-labelledby={`${id}-title`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('workspace.dashboard.money.period')}</TableHeaderCell>
            <TableHeaderCell>{t('workspace.dashboard.money.invoiced')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.periods.map((period) => (
            <TableRow key={period.periodStart} data-period={period.periodStart}>
              <TableCell>
                {`${format.date(period.periodStart)} – ${format.date(period.periodEnd)}`}
              </TableCell>
              <MoneyCell amount={period.invoiced} currency={period.currency} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Tile>
  );
}
