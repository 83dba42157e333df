import { makeStyles } from '@fluentui/react-components';

/** Money and counts in tables: right-aligned, in figures of one width so that columns line up. */
export const useMoneyStyles = makeStyles({
  cell: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    // A header cell's label sits in a flex button of its own.
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' },
  },
});
