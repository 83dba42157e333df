import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorBar, Loading } from './components/common';
import { SideNav } from './components/SideNav';
import { MenuButton, TopBar } from './components/TopBar';
import { useNarrowScreen } from './components/useNarrowScreen';
import { CustomersPage } from './pages/CustomersPage';
import { SignInPage } from './pages/SignInPage';
import { PasswordChangeGate } from './pages/users/PasswordChangeGate';
import { useSession } from './session';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  body: { display: 'flex', flexGrow: 1, minWidth: 0 },
  side: {
    flexShrink: 0,
    width: '220px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media print': { display: 'none' },
  },
  main: {
    flexGrow: 1,
    // Without it a wide table would widen the page instead of scrolling in its own box.
    minWidth: 0,
    maxWidth: '1400px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    '@media (max-width: 767px)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    },
    // Focused by script after navigation, not by the user: no ring around the whole page.
    ':focus': { outline: 'none' },
  },
  drawer: { maxWidth: '85vw' },
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

/** Every page behind sign-in. Sign-in and the customers list load first. */
const PAGES: readonly { path: string; Page: ComponentType | LazyExoticComponent<ComponentType> }[] =
  [
    { path: '/', Page: later(() => import('./pages/DashboardPage'), 'DashboardPage') },
    { path: '/customers', Page: CustomersPage },
    {
      path: '/subscriptions',
      Page: later(() => import('./pages/SubscriptionsPage'), 'SubscriptionsPage'),
    },
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

/**
 * The side navigation on a wide screen; on a phone a menu button in the top bar opens it as an
 * overlay (focus inside, Escape closes, focus back on the button), closed again by any navigation.
 */
function useNavigationLayout() {
  const narrow = useNarrowScreen();
  // Open on the page where it was opened: moving to another page closes it.
  const { key } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  return {
    narrow,
    open: narrow && openOn === key,
    setOpen: (open: boolean) => setOpenOn(open ? key : null),
  };
}

function NavigationDrawer(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <OverlayDrawer
      className={styles.drawer}
      open={props.open}
      onOpenChange={(_event, data) => props.onOpenChange(data.open)}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" onClick={() => props.onOpenChange(false)}>
              {t('workspace.shell.closeMenu')}
            </Button>
          }
        >
          {t('app.name')}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <SideNav />
      </DrawerBody>
    </OverlayDrawer>
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
  return <PasswordChangeGate>{props.children}</PasswordChangeGate>;
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
  const session = useSession();
  const signedIn = Boolean(session.data);
  const navigation = useNavigationLayout();
  const menuButton = useRef<HTMLButtonElement>(null);
  return (
    <div className={styles.shell}>
      <a className={styles.skip} href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar
        menu={
          signedIn && navigation.narrow ? (
            <MenuButton ref={menuButton} onClick={() => navigation.setOpen(true)} />
          ) : undefined
        }
      />
      {signedIn && navigation.narrow && (
        <NavigationDrawer
          open={navigation.open}
          onOpenChange={(open) => {
            navigation.setOpen(open);
            // Closed without going anywhere: back to the button that opened it.
            if (!open) menuButton.current?.focus();
          }}
        />
      )}
      <div className={styles.body}>
        {signedIn && !navigation.narrow && (
          <aside className={styles.side}>
            <SideNav />
          </aside>
        )}
        <main id="main" ref={main} tabIndex={-1} className={styles.main}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
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
      </div>
    </div>
  );
}
