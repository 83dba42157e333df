import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/client';
import { useOfferText } from '../../lib/catalogText';
import { useOfferWords, type OfferNames } from './words';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: '1.2em' },
  offer: { width: '34%' },
  product: { width: '20%' },
});

/** Every offer that not every customer may buy as often as they like, and why, in words. */
export function RestrictedOffers(props: { offers: Offer[]; names: OfferNames }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const words = useOfferWords();
  const text = useOfferText();
  const restricted = props.offers
    .map((offer) => ({ offer, restrictions: words.restrictions(offer, props.names) }))
    .filter((row) => row.restrictions.length > 0);
  return (
    <section className={styles.section} aria-labelledby="restricted-title" data-testid="restricted">
      <Title3 as="h2" id="restricted-title">
        {t('pricing.restricted.title')}
      </Title3>
      <Text>{t('pricing.restricted.intro')}</Text>
      {restricted.length === 0 ? (
        <Text>{t('pricing.restricted.empty')}</Text>
      ) : (
        <Table aria-labelledby="restricted-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.offer}>
                {t('pricing.restricted.columns.offer')}
              </TableHeaderCell>
              <TableHeaderCell className={styles.product}>
                {t('pricing.restricted.columns.product')}
              </TableHeaderCell>
              <TableHeaderCell>{t('pricing.restricted.columns.restrictions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {restricted.map(({ offer, restrictions }) => (
              <TableRow key={offer.id} data-offer-id={offer.id}>
                <TableCell>{text.name(offer)}</TableCell>
                <TableCell>{text.productName(offer)}</TableCell>
                <TableCell>
                  <ul className={styles.list}>
                    {restrictions.map((restriction) => (
                      <li key={restriction}>{restriction}</li>
                    ))}
                  </ul>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
