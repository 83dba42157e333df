import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useCan, type Permission } from '../session';
import { RouterLink } from './common';

/** The portal's pages, each shown to the roles with one of its permissions; none: everyone. */
const PAGES: readonly { to: string; label: string; permissions: readonly Permission[] }[] = [
  { to: '/', label: 'workspace.shell.home', permissions: [] },
  { to: '/customers', label: 'app.nav.customers', permissions: ['customers.read'] },
  {
    to: '/subscriptions',
    label: 'workspace.shell.subscriptions',
    permissions: ['subscriptions.read'],
  },
  { to: '/pricing', label: 'app.nav.pricing', permissions: ['catalog.read'] },
  { to: '/billing', label: 'app.nav.billing', permissions: ['billing.read', 'price_book.read'] },
  { to: '/webhooks', label: 'app.nav.webhooks', permissions: ['webhooks.manage'] },
  { to: '/audit', label: 'app.nav.audit', permissions: ['audit.read'] },
  { to: '/users', label: 'app.nav.users', permissions: ['users.manage'] },
];

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: `${tokens.spacingVerticalS} 0`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      color: tokens.colorNeutralForeground1,
      textDecorationLine: 'none',
    },
    '&[aria-current="page"]': {
      backgroundColor: tokens.colorNeutralBackground1Selected,
      fontWeight: tokens.fontWeightSemibold,
      boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
    },
  },
});

function isCurrent(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The main navigation: the pages the signed-in role may use, the one shown marked as current. */
export function SideNav() {
  const { t } = useTranslation();
  const styles = useStyles();
  const can = useCan();
  const { pathname } = useLocation();
  const pages = PAGES.filter((page) => page.permissions.length === 0 || page.permissions.some(can));
  return (
    <nav aria-label={t('app.nav.label')}>
      <ul className={styles.list}>
        {pages.map((page) => (
          <li key={page.to}>
            <RouterLink to={page.to} current={isCurrent(page.to, pathname)} className={styles.link}>
              {t(page.label)}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
