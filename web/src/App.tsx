import { Button, makeStyles, Select, Text, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ErrorBar, Loading, RouterLink } from './components/common';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from './i18n';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { NewSubscriptionPage } from './pages/NewSubscriptionPage';
import { SignInPage } from './pages/SignInPage';
import { SubscriptionPage } from './pages/SubscriptionPage';
import { useSession, useSignOut } from './session';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  nav: { flexGrow: 1 },
  navLink: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
  },
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  main: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, maxWidth: '1200px' },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 1 },
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalS,
  },
});

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
  const user = session.data?.user;
  return (
    <header className={styles.header}>
      <Text className={styles.product}>{t('app.name')}</Text>
      <nav className={styles.nav} aria-label={t('app.nav.label')}>
        {user && (
          <RouterLink to="/customers" className={styles.navLink}>
            {t('app.nav.customers')}
          </RouterLink>
        )}
      </nav>
      <LanguageSwitch />
      {user && (
        <>
          <Text>{t('app.signedInAs', { name: user.displayName || user.email })}</Text>
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

export function App() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <>
      <a className={styles.skip} href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" className={styles.main}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/" element={<Navigate to="/customers" replace />} />
          <Route
            path="/customers"
            element={
              <Authenticated>
                <CustomersPage />
              </Authenticated>
            }
          />
          <Route
            path="/customers/:customerId"
            element={
              <Authenticated>
                <CustomerPage />
              </Authenticated>
            }
          />
          <Route
            path="/customers/:customerId/new-subscription"
            element={
              <Authenticated>
                <NewSubscriptionPage />
              </Authenticated>
            }
          />
          <Route
            path="/customers/:customerId/subscriptions/:subscriptionId"
            element={
              <Authenticated>
                <SubscriptionPage />
              </Authenticated>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}
