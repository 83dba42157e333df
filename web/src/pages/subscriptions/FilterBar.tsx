import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  SearchBox,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CustomerPicker } from '../audit/CustomerPicker';
import { useCatalog, useOfferText } from '../../lib/catalogText';
import { DATE_FILTERS, SORT_KEYS, STATUSES, type SubscriptionFilters } from './filters';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { position: 'absolute', left: '-10000px' },
  sort: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalS },
});

/** Search, filters and sort above the list; every change goes to the address. */
export function FilterBar(props: {
  filters: SubscriptionFilters;
  onChange: (patch: Partial<SubscriptionFilters>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const offers = useCatalog();
  const offerText = useOfferText();
  const { filters, onChange } = props;
  const descending = filters.sort.startsWith('-');
  const sortKey = filters.sort.replace(/^-/, '') || 'customerName';
  const knownStatus = (STATUSES as readonly string[]).includes(filters.status);
  return (
    <fieldset className={styles.bar}>
      <legend className={styles.legend}>{t('workspace.subscriptions.filters.label')}</legend>
      <Field label={t('workspace.subscriptions.filters.search')}>
        <SearchBox
          placeholder={t('workspace.subscriptions.filters.searchPlaceholder')}
          value={filters.q}
          onChange={(_event, data) => onChange({ q: data.value }, { replace: true })}
        />
      </Field>
      <Field label={t('workspace.subscriptions.filters.status')}>
        <Select
          value={filters.status}
          onChange={(_event, data) => onChange({ status: data.value })}
        >
          <option value="">{t('workspace.subscriptions.filters.anyStatus')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
          {/* A list from a link (several statuses) stays chosen, in words. */}
          {filters.status && !knownStatus && (
            <option value={filters.status}>
              {filters.status
                .split(',')
                .map((status) => t(`statuses.${status}`))
                .join(', ')}
            </option>
          )}
        </Select>
      </Field>
      <Field label={t('workspace.subscriptions.filters.offer')}>
        <Select
          value={filters.offerId}
          onChange={(_event, data) => onChange({ offerId: data.value })}
        >
          <option value="">{t('workspace.subscriptions.filters.anyOffer')}</option>
          {(offers.data ?? []).map((offer) => (
            <option key={offer.id} value={offer.id}>
              {offerText.name(offer)}
            </option>
          ))}
        </Select>
      </Field>
      <CustomerPicker
        customerId={filters.customerId}
        onChange={(customerId) => onChange({ customerId })}
      />
      {DATE_FILTERS.map((name) => (
        <Field key={name} label={t(`workspace.subscriptions.filters.${name}`)}>
          <Input
            type="date"
            value={filters[name]}
            onChange={(_event, data) => onChange({ [name]: data.value })}
          />
        </Field>
      ))}
      <div className={styles.sort}>
        <Field label={t('workspace.subscriptions.filters.sort')}>
          <Select
            value={sortKey}
            onChange={(_event, data) => onChange({ sort: `${descending ? '-' : ''}${data.value}` })}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`workspace.subscriptions.sorts.${key}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label={t('workspace.subscriptions.filters.descending')}
          checked={descending}
          onChange={(_event, data) => onChange({ sort: `${data.checked ? '-' : ''}${sortKey}` })}
        />
      </div>
      <Button onClick={props.onClear}>{t('workspace.subscriptions.filters.clear')}</Button>
    </fieldset>
  );
}
