import { TableCell } from '@fluentui/react-components';
import { useFormat } from '../lib/format';
import { useMoneyStyles } from './moneyStyles';

/** A table cell holding an amount in its currency, right-aligned; a dash where there is none. */
export function MoneyCell(props: { amount: string | null; currency: string; testId?: string }) {
  const money = useMoneyStyles();
  const format = useFormat();
  return (
    <TableCell className={money.cell} data-testid={props.testId}>
      {props.amount === null ? '—' : format.money(props.amount, props.currency)}
    </TableCell>
  );
}
