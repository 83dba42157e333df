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
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { api, unwrap } from '../api/client';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorBar, Loading, RouterLink } from '../components/common';
import { Pager } from '../components/Pager';
import { useCursorPages } from '../lib/paging';
import { useCan } from '../session';
import { TableScroll } from '../components/TableScroll';

const PAGE_SIZE = 20;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  search: { maxWidth: '420px' },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

export function CustomersPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const navigate = useNavigate();
  const q = params.get('q') ?? '';
  const pages = useCursorPages(q);
  const cursor = pages.cursor;
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

  const search = (value: string) => {
    setParams(value ? { q: value } : {}, { replace: true });
  };

  return (
    <section className={styles.page} aria-labelledby="customers-title">
      <div className={styles.heading}>
        <Title2 as="h1" id="customers-title">
          {t('customers.title')}
        </Title2>
        {can('customers.create') && (
          <Button appearance="primary" onClick={() => void navigate('/customers/new')}>
            {t('customers.newCustomer')}
          </Button>
        )}
      </div>
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
            <TableScroll labelledBy="customers-title">
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
                      <TableCell>{format.region(customer.country)}</TableCell>
                      <TableCell>{t(`segments.${customer.segment}`)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          )}
          <Pager
            pages={pages}
            nextCursor={customers.data.nextCursor}
            label={t('customers.title')}
          />
        </>
      )}
    </section>
  );
}
