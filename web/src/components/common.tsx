import { Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';

/** A Fluent link that navigates inside the portal (and still opens in a new tab on Ctrl-click). */
export function RouterLink(props: {
  to: string;
  children: ReactNode;
  className?: string;
  /** The link to the page being shown, in a menu: announced as the current page. */
  current?: boolean;
}) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(props.to);
  };
  return (
    <Link
      href={props.to}
      onClick={onClick}
      className={props.className}
      {...(props.current ? { 'aria-current': 'page' as const } : {})}
    >
      {props.children}
    </Link>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <Spinner label={t('app.loading')} />;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return String(error);
}

export function ErrorBar(props: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{t('app.error', { message: errorMessage(props.error) })}</MessageBarBody>
    </MessageBar>
  );
}

/** A page the signed-in user's role may not use: said plainly, with whom to ask. */
export function NotAllowed(props: { what: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" role="status">
      <MessageBarBody>{t('app.notAllowed', { what: props.what })}</MessageBarBody>
    </MessageBar>
  );
}
