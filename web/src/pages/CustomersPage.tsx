import {
  Button,
  Field,
  makeStyles,
  SearchBox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ErrorBar, Loading, RouterLink } from '../components/common';

const PAGE_SIZE = 20;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  search: { maxWidth: '420px' },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  // Cursors of the pages before this one: the API pages forward only.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const customers = useQuery({
    queryKey: ['customers', q, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers', {
          params: {
            query: { limit: PAGE_SIZE, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const regionNames = new Intl.DisplayNames([i18n.language], { type: 'region' });

  const search = (value: string) => {
    setCursors([]);
    setParams(value ? { q: value } : {}, { replace: true });
  };

  return (
    <section className={styles.page} aria-labelledby="customers-title">
      <Title2 as="h1" id="customers-title">
        {t('customers.title')}
      </Title2>
      <Field label={t('customers.search')} className={styles.search}>
        <SearchBox
          placeholder={t('customers.searchPlaceholder')}
          value={q}
          onChange={(_event, data) => search(data.value)}
        />
      </Field>
      {customers.isPending && <Loading />}
      {customers.isError && <ErrorBar error={customers.error} />}
      {customers.data && (
        <>
          {customers.data.items.length === 0 ? (
            <Text>{t('customers.empty')}</Text>
          ) : (
            <Table aria-labelledby="customers-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('customers.columns.company')}</TableHeaderCell>
                  <TableHeaderCell>{t('customers.columns.domain')}</TableHeaderCell>
                  <TableHeaderCell>{t('customers.columns.country')}</TableHeaderCell>
                  <TableHeaderCell>{t('customers.columns.segment')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {customers.data.items.map((customer) => (
                  <TableRow key={customer.id}>
                    <TableCell>
                      <RouterLink to={`/customers/${customer.id}`}>
                        {customer.companyName}
                      </RouterLink>
                    </TableCell>
                    <TableCell>{customer.domain}</TableCell>
                    <TableCell>{regionNames.of(customer.country) ?? customer.country}</TableCell>
                    <TableCell>{t(`segments.${customer.segment}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <div className={styles.pager}>
            <Button
              disabled={cursors.length === 0}
              onClick={() => setCursors((previous) => previous.slice(0, -1))}
            >
              {t('customers.previous')}
            </Button>
            <Text>{t('customers.page', { page: cursors.length + 1 })}</Text>
            <Button
              disabled={!customers.data.nextCursor}
              onClick={() => {
                const next = customers.data.nextCursor;
                if (next) setCursors((previous) => [...previous, next]);
              }}
            >
              {t('customers.next')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
