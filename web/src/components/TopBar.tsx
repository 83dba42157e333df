import { Button, makeStyles, Select, Text, tokens, useId } from '@fluentui/react-components';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n';
import { useSession, useSignOut } from '../session';
import { RouterLink } from './common';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    '@media print': { display: 'none' },
  },
  product: {
    flexGrow: 1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
  },
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  onBrand: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
  },
  menu: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
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

/** Three bars, the usual sign of a menu; the button's name says what it does. */
function MenuIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** The button that opens the navigation on a phone. */
export function MenuButton({ onClick, ref }: { onClick: () => void; ref: Ref<HTMLButtonElement> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Button
      appearance="transparent"
      className={styles.menu}
      icon={<MenuIcon />}
      aria-label={t('workspace.shell.openMenu')}
      onClick={onClick}
      ref={ref}
    />
  );
}

/** The slim bar on top of every page: product, language, who is signed in, sign out. */
export function TopBar(props: { menu?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = session.data?.user;
  return (
    <header className={styles.bar}>
      {props.menu}
      <Text className={styles.product}>{t('app.name')}</Text>
      <LanguageSwitch />
      {user && (
        <>
          <RouterLink to="/account" className={styles.onBrand}>
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
