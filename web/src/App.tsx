import {
  Button,
  makeStyles,
  mergeClasses,
  Select,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ErrorBar, Loading, RouterLink } from './components/common';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from './i18n';
import { CustomersPage } from './pages/CustomersPage';
import { SignInPage } from './pages/SignInPage';
import { useCan, useSession, useSignOut, type Permission } from './session';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    '@media print': { display: 'none' },
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  nav: { flexGrow: 1, display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  navLink: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
  },
  // The current page's link is underlined, as a link is when hovered.
  navCurrent: { '&[aria-current="page"]': { textDecorationLine: 'underline' } },
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  main: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '1200px',
    // Focused by script after navigation, not by the user: no ring around the whole page.
    ':focus': { outline: 'none' },
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 1 },
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalS,
  },
});

/** A page loaded when first opened, so that the first page needs less to start. */
function later<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** Every page behind sign-in. Sign-in and the customers list, where everyone starts, load first. */
const PAGES: readonly { path: string; Page: ComponentType | LazyExoticComponent<ComponentType> }[] =
  [
    { path: '/customers', Page: CustomersPage },
    {
      path: '/customers/new',
      Page: later(() => import('./pages/NewCustomerPage'), 'NewCustomerPage'),
    },
    {
      path: '/customers/:customerId',
      Page: later(() => import('./pages/CustomerPage'), 'CustomerPage'),
    },
    {
      path: '/customers/:customerId/new-subscription',
      Page: later(() => import('./pages/NewSubscriptionPage'), 'NewSubscriptionPage'),
    },
    {
      path: '/customers/:customerId/invoices/:invoiceId',
      Page: later(() => import('./pages/InvoicePage'), 'InvoicePage'),
    },
    {
      path: '/customers/:customerId/subscriptions/:subscriptionId',
      Page: later(() => import('./pages/SubscriptionPage'), 'SubscriptionPage'),
    },
    { path: '/pricing', Page: later(() => import('./pages/PricingPage'), 'PricingPage') },
    { path: '/billing', Page: later(() => import('./pages/BillingPage'), 'BillingPage') },
    { path: '/audit', Page: later(() => import('./pages/AuditLogPage'), 'AuditLogPage') },
    { path: '/users', Page: later(() => import('./pages/UsersPage'), 'UsersPage') },
    { path: '/webhooks', Page: later(() => import('./pages/WebhooksPage'), 'WebhooksPage') },
    { path: '/account', Page: later(() => import('./pages/AccountPage'), 'AccountPage') },
  ];

/** The header's pages, each shown to the roles with one of its permissions. */
const NAV: readonly { to: string; label: string; permissions: readonly Permission[] }[] = [
  { to: '/customers', label: 'app.nav.customers', permissions: ['customers.read'] },
  { to: '/pricing', label: 'app.nav.pricing', permissions: ['catalog.read'] },
  { to: '/billing', label: 'app.nav.billing', permissions: ['billing.read', 'price_book.read'] },
  { to: '/audit', label: 'app.nav.audit', permissions: ['audit.read'] },
  { to: '/users', label: 'app.nav.users', permissions: ['users.manage'] },
  { to: '/webhooks', label: 'app.nav.webhooks', permissions: ['webhooks.manage'] },
];

function LanguageSwitch() {
  const { t } = useTranslation();
  const id = useId('language');
  const styles = useStyles();
  return (
    <div className={styles.language}>
      <label htmlFor={id}>{t('app.language')}</label>
      <Select
        id={id}
        size="small"
        value={currentLanguage()}
        onChange={(_event, data) => changeLanguage(data.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}

function Header() {
  const { t } = useTranslation();
  const styles = useStyles();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const can = useCan();
  const { pathname } = useLocation();
  const user = session.data?.user;
  return (
    <header className={styles.header}>
      <Text className={styles.product}>{t('app.name')}</Text>
      <nav className={styles.nav} aria-label={t('app.nav.label')}>
        {user &&
          NAV.filter((item) => item.permissions.some(can)).map((item) => (
            <RouterLink
              key={item.to}
              to={item.to}
              current={pathname === item.to || pathname.startsWith(`${item.to}/`)}
              className={mergeClasses(styles.navLink, styles.navCurrent)}
            >
              {t(item.label)}
            </RouterLink>
          ))}
      </nav>
      <LanguageSwitch />
      {user && (
        <>
          <RouterLink to="/account" className={styles.navLink}>
            {t('app.signedInAs', { name: user.displayName || user.email })}
          </RouterLink>
          <Button
            size="small"
            onClick={() =>
              signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })
            }
          >
            {t('app.signOut')}
          </Button>
        </>
      )}
    </header>
  );
}

/** Pages that need a session send everyone else to the sign-in page, and back afterwards. */
function Authenticated(props: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorBar error={session.error} />;
  if (!session.data) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{props.children}</>;
}

function NotFound() {
  const { t } = useTranslation();
  return <Text>{t('app.notFound')}</Text>;
}

/**
 * After moving to another page the focus goes to its main content, as a page load would put it at
 * the top: keyboard and screen-reader users start on the new page, not on the link they left.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus();
  }, [pathname]);
  return main;
}

export function App() {
  const { t } = useTranslation();
  const styles = useStyles();
  const main = useFocusOnNavigation();
  return (
    <>
      <a className={styles.skip} href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1} className={styles.main}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/" element={<Navigate to="/customers" replace />} />
            {PAGES.map(({ path, Page }) => (
              <Route
                key={path}
                path={path}
                element={
                  <Authenticated>
                    <Page />
                  </Authenticated>
                }
              />
            ))}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
