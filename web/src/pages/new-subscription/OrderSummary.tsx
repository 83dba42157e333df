import {
  Card,
  makeStyles,
  mergeClasses,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { OrderPreview } from '../../api/client';
import { ErrorBar } from '../../components/common';
import { useMoneyStyles } from '../../components/moneyStyles';
import { useFormat } from '../../lib/format';
import { MoneyCell } from '../../components/MoneyCell';

const useStyles = makeStyles({
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  reasons: { color: tokens.colorPaletteRedForeground1 },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * What the order would cost before it is submitted: each line's unit price and first period,
 * the lines that cannot be bought with their reasons, and the total of the others.
 */
export function OrderSummary(props: {
  preview: OrderPreview | undefined;
  error: unknown;
  updating: boolean;
  offerName: (offerId: string) => string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const money = useMoneyStyles();
  const format = useFormat();
  const { preview } = props;
  return (
    <Card aria-labelledby="order-summary-title" data-testid="order-summary">
      <div className={styles.heading}>
        <Title3 as="h2" id="order-summary-title">
          {t('billing.order.title')}
        </Title3>
        {props.updating && <Spinner size="extra-tiny" label={t('billing.order.updating')} />}
      </div>
      {props.error !== null && <ErrorBar error={props.error} />}
      {!preview && props.error === null && <Text>{t('billing.order.empty')}</Text>}
      {preview && (
        <Table aria-labelledby="order-summary-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('billing.order.columns.offer')}</TableHeaderCell>
              <TableHeaderCell>{t('billing.order.columns.period')}</TableHeaderCell>
              <TableHeaderCell className={money.cell}>
                {t('billing.order.columns.quantity')}
              </TableHeaderCell>
              <TableHeaderCell className={money.cell}>
                {t('billing.order.columns.unitPrice')}
              </TableHeaderCell>
              <TableHeaderCell className={money.cell}>
                {t('billing.order.columns.amount')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.lineItems.map((line) => (
              <TableRow key={line.lineItemNumber} data-offer-id={line.offerId}>
                <TableCell>{props.offerName(line.offerId)}</TableCell>
                <TableCell>
                  {line.available && line.periodStart && line.periodEnd ? (
                    t('billing.period', {
                      start: format.date(line.periodStart),
                      end: format.date(line.periodEnd),
                    })
                  ) : (
                    <span className={styles.reasons}>
                      {line.reasons
                        .map((reason) =>
                          t(`reasons.${reason.code}`, { defaultValue: reason.detail }),
                        )
                        .join(' ')}
                    </span>
                  )}
                </TableCell>
                <TableCell className={money.cell}>{format.number(line.quantity)}</TableCell>
                <MoneyCell amount={line.unitPrice} currency={preview.currency} />
                <MoneyCell amount={line.amount} currency={preview.currency} />
              </TableRow>
            ))}
            <TableRow>
              <TableCell className={styles.total}>{t('billing.order.total')}</TableCell>
              <TableCell />
              <TableCell />
              <TableCell />
              <TableCell
                className={mergeClasses(money.cell, styles.total)}
                data-testid="order-total"
              >
                {format.money(preview.total, preview.currency)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
      {preview && <Text size={200}>{t('billing.order.note')}</Text>}
    </Card>
  );
}
