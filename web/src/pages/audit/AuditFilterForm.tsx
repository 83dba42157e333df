import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CustomerPicker } from './CustomerPicker';
import { DateFilter } from './DateFilter';
import { ACTOR_TYPES, type ActorType, type AuditFilters } from './filters';
import { EVENT_TYPE_GROUPS, useEventLabels } from './labels';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
  },
  wide: { width: '240px' },
  narrow: { width: '150px' },
  date: { width: '160px' },
  // A select is as wide as its longest option unless told it may be narrower than that.
  select: { minWidth: 0 },
  // Level with the inputs, under their labels.
  clear: { marginTop: '26px' },
});

export function AuditFilterForm(props: {
  filters: AuditFilters;
  onChange: (patch: Partial<AuditFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useEventLabels();
  const { filters, onChange } = props;
  const known = EVENT_TYPE_GROUPS.some((group) => group.types.includes(filters.type));
  const filtered = Object.values(filters).some((value) => value !== '');
  const backwards = filters.from !== '' && filters.to !== '' && filters.to < filters.from;
  return (
    <form
      role="search"
      aria-label={t('audit.filters.label')}
      className={styles.form}
      onSubmit={(event) => event.preventDefault()}
    >
      <CustomerPicker
        className={styles.wide}
        customerId={filters.customerId}
        onChange={(customerId) => onChange({ customerId })}
      />
      <Field label={t('audit.filters.type')} className={styles.wide}>
        <Select
          className={styles.select}
          value={filters.type}
          onChange={(_event, data) => onChange({ type: data.value })}
        >
          <option value="">{t('audit.filters.anyType')}</option>
          {/* A bookmarked type this portal has no words for still shows as chosen. */}
          {filters.type !== '' && !known && <option value={filters.type}>{filters.type}</option>}
          {EVENT_TYPE_GROUPS.map(({ group, types }) => (
            <optgroup key={group} label={t(`audit.groups.${group}`)}>
              {types.map((type) => (
                <option key={type} value={type}>
                  {labels.what(type)}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field label={t('audit.filters.actor')} className={styles.narrow}>
        <Select
          className={styles.select}
          value={filters.actorType}
          onChange={(_event, data) => onChange({ actorType: data.value as ActorType | '' })}
        >
          <option value="">{t('audit.filters.anyActor')}</option>
          {ACTOR_TYPES.map((actorType) => (
            <option key={actorType} value={actorType}>
              {t(`audit.actorTypes.${actorType}`)}
            </option>
          ))}
        </Select>
      </Field>
      <DateFilter
        className={styles.date}
        label={t('audit.filters.from')}
        value={filters.from}
        onChange={(from) => onChange({ from })}
      />
      <DateFilter
        className={styles.date}
        label={t('audit.filters.to')}
        hint={t('audit.filters.toHint')}
        error={backwards ? t('audit.filters.toBeforeFrom') : undefined}
        value={filters.to}
        onChange={(to) => onChange({ to })}
      />
      <Field label={t('audit.filters.order')} className={styles.narrow}>
        <Select
          className={styles.select}
          value={filters.order || 'newest'}
          onChange={(_event, data) => onChange({ order: data.value === 'oldest' ? 'oldest' : '' })}
        >
          <option value="newest">{t('audit.filters.newest')}</option>
          <option value="oldest">{t('audit.filters.oldest')}</option>
        </Select>
      </Field>
      <Button className={styles.clear} disabled={!filtered} onClick={props.onClear}>
        {t('audit.filters.clear')}
      </Button>
    </form>
  );
}
