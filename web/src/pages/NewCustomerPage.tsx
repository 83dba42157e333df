import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, unwrap, type NewCustomer, type Segment } from '../api/client';
import { errorMessage, NotAllowed, RouterLink } from '../components/common';
import { byCountryName, useMarkets } from '../lib/markets';
import { useCan } from '../session';

const SEGMENTS: readonly Segment[] = ['commercial', 'education', 'government', 'nonprofit'];

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '640px',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** The form's fields, named by their JSON pointer in the API's body so its errors land on them. */
const FIELDS = [
  '/companyName',
  '/domain',
  '/country',
  '/segment',
  '/accountOpenedAt',
  '/billingProfile/firstName',
  '/billingProfile/lastName',
  '/billingProfile/email',
  '/billingProfile/address/line1',
  '/billingProfile/address/city',
  '/billingProfile/address/postalCode',
] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

const EMPTY: Values = {
  ...(Object.fromEntries(FIELDS.map((field) => [field, ''])) as Values),
  '/country': 'US',
  '/segment': 'commercial',
};

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** What the browser can tell before asking the API; the API checks everything again. */
function checkLocally(values: Values): Partial<Record<FieldName, string>> {
  const problems: Partial<Record<FieldName, string>> = {};
  for (const field of FIELDS) {
    if (field !== '/accountOpenedAt' && values[field].trim() === '') problems[field] = 'required';
  }
  if (values['/accountOpenedAt'] > today()) problems['/accountOpenedAt'] = 'future';
  return problems;
}

function toBody(values: Values): NewCustomer {
  const opened = values['/accountOpenedAt'];
  return {
    companyName: values['/companyName'].trim(),
    domain: values['/domain'].trim(),
    country: values['/country'],
    segment: values['/segment'] as Segment,
    billingProfile: {
      firstName: values['/billingProfile/firstName'].trim(),
      lastName: values['/billingProfile/lastName'].trim(),
      email: values['/billingProfile/email'].trim(),
      address: {
        line1: values['/billingProfile/address/line1'].trim(),
        city: values['/billingProfile/address/city'].trim(),
        postalCode: values['/billingProfile/address/postalCode'].trim(),
        country: values['/country'],
      },
    },
    // A date picked here is the start of that UTC day; left empty, the account opens now.
    ...(opened ? { accountOpenedAt: `${opened}T00:00:00.000Z` } : {}),
  };
}

export function NewCustomerPage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const markets = useMarkets();
  const [values, setValues] = useState<Values>(EMPTY);
  const [local, setLocal] = useState<Partial<Record<FieldName, string>>>({});
  // One key per customer being entered: a retry after a network error never creates two.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const create = useMutation({
    mutationFn: (body: NewCustomer) =>
      unwrap(api.POST('/v1/customers', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: async (customer) => {
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
      void navigate(`/customers/${customer.id}`, { state: { customerCreated: true } });
    },
    onError: (error) => {
      if (error instanceof ApiError) setIdempotencyKey(crypto.randomUUID());
    },
  });

  if (!can('customers.create')) return <NotAllowed what={t('newCustomer.notAllowed')} />;

  const serverErrors = create.error instanceof ApiError ? (create.error.problem.errors ?? []) : [];
  const messageOf = (field: FieldName): string | undefined => {
    const problem = local[field];
    if (problem) return t(`newCustomer.problems.${problem}`);
    const refused = serverErrors.find((item) => item.field === field);
    if (!refused) return undefined;
    return t(`newCustomer.problems.${refused.code}`, { defaultValue: refused.detail });
  };
  const set = (field: FieldName) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const text = (field: FieldName, label: string, type: 'text' | 'email' = 'text') => (
    <Field
      label={label}
      required
      validationMessage={messageOf(field)}
      validationState={messageOf(field) ? 'error' : 'none'}
    >
      <Input
        type={type}
        value={values[field]}
        onChange={(_event, data) => set(field)(data.value)}
      />
    </Field>
  );

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problems = checkLocally(values);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(toBody(values));
  };

  const countries = byCountryName(markets.data ?? [], i18n.language);

  return (
    <section className={styles.page} aria-labelledby="new-customer-title">
      <div>
        <RouterLink to="/customers">{t('app.nav.customers')}</RouterLink>
      </div>
      <Title2 as="h1" id="new-customer-title">
        {t('newCustomer.title')}
      </Title2>
      <form
        className={styles.form}
        onSubmit={onSubmit}
        aria-labelledby="new-customer-title"
        noValidate
      >
        <Title3 as="h2">{t('newCustomer.company')}</Title3>
        {text('/companyName', t('newCustomer.companyName'))}
        <Field
          label={t('newCustomer.domain')}
          hint={t('newCustomer.domainHint')}
          required
          validationMessage={messageOf('/domain')}
          validationState={messageOf('/domain') ? 'error' : 'none'}
        >
          <Input value={values['/domain']} onChange={(_e, data) => set('/domain')(data.value)} />
        </Field>
        <div className={styles.row}>
          <Field
            label={t('newCustomer.country')}
            required
            validationMessage={messageOf('/country')}
          >
            <Select value={values['/country']} onChange={(_e, data) => set('/country')(data.value)}>
              {countries.map((market) => (
                <option key={market.country} value={market.country}>
                  {market.shown}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('newCustomer.segment')} hint={t('newCustomer.segmentHint')} required>
            <Select value={values['/segment']} onChange={(_e, data) => set('/segment')(data.value)}>
              {SEGMENTS.map((segment) => (
                <option key={segment} value={segment}>
                  {t(`segments.${segment}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field
          label={t('newCustomer.accountOpened')}
          hint={t('newCustomer.accountOpenedHint')}
          validationMessage={messageOf('/accountOpenedAt')}
          validationState={messageOf('/accountOpenedAt') ? 'error' : 'none'}
        >
          <Input
            type="date"
            max={today()}
            value={values['/accountOpenedAt']}
            onChange={(_e, data) => set('/accountOpenedAt')(data.value)}
          />
        </Field>
        <Title3 as="h2">{t('newCustomer.billingContact')}</Title3>
        <div className={styles.row}>
          {text('/billingProfile/firstName', t('newCustomer.firstName'))}
          {text('/billingProfile/lastName', t('newCustomer.lastName'))}
        </div>
        {text('/billingProfile/email', t('newCustomer.email'), 'email')}
        {text('/billingProfile/address/line1', t('newCustomer.address'))}
        <div className={styles.row}>
          {text('/billingProfile/address/city', t('newCustomer.city'))}
          {text('/billingProfile/address/postalCode', t('newCustomer.postalCode'))}
        </div>
        {create.isError && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {t('newCustomer.failed', { message: errorMessage(create.error) })}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={create.isPending}>
            {create.isPending ? t('newCustomer.submitting') : t('newCustomer.submit')}
          </Button>
          <Button onClick={() => void navigate('/customers')}>{t('newCustomer.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
