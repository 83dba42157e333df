import { Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export function AuditLogPage() {
  const { t } = useTranslation();
  return <Title2 as="h1">{t('audit.title')}</Title2>;
}
