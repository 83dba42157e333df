import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  scroll: {
    maxWidth: '100%',
    overflowX: 'auto',
    // A region the keyboard can scroll shows where the focus is.
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

/**
 * A wide table scrolls sideways inside its own box, so that on a phone the page itself never does.
 * The box is focusable (and named) so that keyboard users can scroll it too.
 */
export function TableScroll(
  props: ({ label: string } | { labelledBy: string }) & { children: ReactNode },
) {
  const styles = useStyles();
  const name =
    'label' in props ? { 'aria-label': props.label } : { 'aria-labelledby': props.labelledBy };
  return (
    <div className={styles.scroll} role="region" {...name} tabIndex={0}>
      {props.children}
    </div>
  );
}
