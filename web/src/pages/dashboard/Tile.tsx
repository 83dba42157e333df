import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RouterLink } from '../../components/common';

const useStyles = makeStyles({
  tile: { minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  footer: { marginTop: 'auto' },
});

/** One card of the home page: a heading, its content, and a link to where it all is. */
export function Tile(props: {
  id: string;
  title: string;
  link?: { to: string; text: string };
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = `${props.id}-title`;
  return (
    <Card className={styles.tile} role="region" aria-labelledby={headingId} data-testid={props.id}>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" size={400} id={headingId}>
            {props.title}
          </Text>
        }
      />
      {props.children}
      {props.link && (
        <div className={styles.footer}>
          <RouterLink to={props.link.to}>{props.link.text}</RouterLink>
        </div>
      )}
    </Card>
  );
}

/** The items of a tile, one per line. */
export function TileList(props: { children: ReactNode }) {
  const styles = useStyles();
  return <ul className={styles.list}>{props.children}</ul>;
}
