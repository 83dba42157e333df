import { useTranslation } from 'react-i18next';
import { auditEn } from '../../i18n/features/audit.en';
import type { AuditEvent } from './filters';

/** The known event types by group, from the messages: a type with words is one we offer. */
export const EVENT_TYPE_GROUPS = Object.entries(auditEn.types).map(([group, names]) => ({
  group,
  types: Object.keys(names).map((name) => `${group}.${name}`),
}));

/** An event's type, reason and actor in words; what we have no words for is shown as is. */
export function useEventLabels() {
  const { t } = useTranslation();
  return {
    // The types are nested by group in the messages, so `customer.created` is its own key path.
    what: (type: string) => t(`audit.types.${type}`, { defaultValue: type }),
    why: (reason: string | null) =>
      reason === null
        ? ''
        : t([`audit.reasons.${reason}`, `suspensionReasons.${reason}`], { defaultValue: reason }),
    who: (actor: AuditEvent['actor']) => {
      if (actor.type === 'system') return t('audit.actor.system');
      if (actor.type === 'token') return t('audit.actor.token', { name: actor.name });
      return actor.name;
    },
  };
}
