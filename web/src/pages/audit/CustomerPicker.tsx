import { Combobox, Field, makeStyles, Option } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/common';
import { useCustomerName } from './names';

const RESULTS = 10;

// As wide as its field, which sets the width, rather than Fluent's own minimum.
const useStyles = makeStyles({ box: { minWidth: 'auto' } });

/** A customer found by typing part of its name; clearing it means every customer. */
export function CustomerPicker(props: {
  customerId: string;
  onChange: (customerId: string) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const selectedName = useCustomerName(props.customerId);
  // What the user is typing; null while not typing, when the box shows the chosen customer.
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const q = typed ?? '';
  const found = useQuery({
    queryKey: ['customer-search', q],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers', { params: { query: { limit: RESULTS, ...(q ? { q } : {}) } } }),
      ),
    enabled: open || typed !== null,
    placeholderData: keepPreviousData,
  });
  const options = found.data?.items ?? [];
  const choose = (customerId: string) => {
    if (customerId !== props.customerId) props.onChange(customerId);
  };

  return (
    <Field
      label={t('audit.filters.customer')}
      className={props.className}
      validationState={found.isError ? 'error' : 'none'}
      validationMessage={found.isError ? errorMessage(found.error) : undefined}
    >
      <Combobox
        className={styles.box}
        clearable
        placeholder={t('audit.filters.anyCustomer')}
        value={typed ?? selectedName ?? ''}
        selectedOptions={props.customerId ? [props.customerId] : []}
        onChange={(event) => setTyped(event.target.value)}
        onOpenChange={(_event, data) => setOpen(data.open)}
        onBlur={() => setTyped(null)}
        onOptionSelect={(event, data) => {
          if (event.type === 'change') {
            // Fluent unselects as soon as the typed text stops matching the name; only an
            // emptied box means every customer, half a name changes nothing yet.
            if ((event.target as HTMLInputElement).value === '') choose('');
            return;
          }
          setTyped(null);
          choose(data.optionValue ?? '');
        }}
      >
        <Option value="" text={t('audit.filters.anyCustomer')}>
          {t('audit.filters.anyCustomer')}
        </Option>
        {options.map((customer) => (
          <Option key={customer.id} value={customer.id} text={customer.companyName}>
            {customer.companyName}
          </Option>
        ))}
        {found.isSuccess && options.length === 0 && (
          <Option disabled value="no-match" text="">
            {t('audit.filters.noCustomers')}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
