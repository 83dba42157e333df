import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { BILLING_CYCLES, oneOf, SEGMENTS, type PriceFilters } from './filters';
import type { Market } from '../../api/client';
import { byCountryName } from '../../lib/markets';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  field: { minWidth: '220px' },
});

/** A choice among `values`, or none of them ("any"). */
function OptionalChoice<T extends string>(props: {
  label: string;
  anyLabel: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={props.label} className={styles.field}>
      <Select
        value={props.value ?? ''}
        onChange={(_event, data) => props.onChange(oneOf(props.values, data.value))}
      >
        <option value="">{props.anyLabel}</option>
        {props.values.map((value) => (
          <option key={value} value={value}>
            {props.labelOf(value)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Country, segment and billing frequency of the price list. */
export function PriceFilterBar(props: {
  markets: Market[];
  filters: PriceFilters;
  onChange: (change: Partial<PriceFilters>) => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const countries = byCountryName(props.markets, i18n.language);
  return (
    <div className={styles.bar} role="group" aria-label={t('pricing.list.filters')}>
      <Field label={t('pricing.list.country')} className={styles.field}>
        <Select
          value={props.filters.country}
          onChange={(_event, data) => props.onChange({ country: data.value })}
        >
          {countries.map((market) => (
            <option key={market.country} value={market.country}>
              {market.shown}
            </option>
          ))}
        </Select>
      </Field>
      <OptionalChoice
        label={t('pricing.list.segment')}
        anyLabel={t('pricing.list.anySegment')}
        values={SEGMENTS}
        labelOf={(segment) => t(`segments.${segment}`)}
        value={props.filters.segment}
        onChange={(segment) => props.onChange({ segment })}
      />
      <OptionalChoice
        label={t('pricing.list.billing')}
        anyLabel={t('pricing.list.anyBilling')}
        values={BILLING_CYCLES}
        labelOf={(cycle) => t(`billingCycles.${cycle}`)}
        value={props.filters.billingCycle}
        onChange={(billingCycle) => props.onChange({ billingCycle })}
      />
    </div>
  );
}
