import { useTranslation } from 'react-i18next';
import type { BillingCycle, Offer } from '../../api/client';
import { useFormat } from '../../lib/format';

const ALL_SEGMENTS = 4;
const HOURS_PER_DAY = 24;

/** The names of offers by id; an offer not in it is named by its id. */
export type OfferNames = ReadonlyMap<string, string>;

/** An offer's rules and prices in the reader's words. */
export function useOfferWords() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const and = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const or = new Intl.ListFormat(i18n.language, { type: 'disjunction' });
  const named = (ids: string[], names: OfferNames) =>
    or.format(ids.map((id) => names.get(id) ?? id));

  /** `kind` is the key prefix: cancel or reduce. Whole days read better than 168 hours. */
  const window = (kind: 'cancel' | 'reduce', hours: number | null) => {
    if (hours === null) return t(`pricing.${kind}AnyTime`);
    if (hours === 0) return t(`pricing.${kind}Never`);
    return hours % HOURS_PER_DAY === 0
      ? t(`pricing.${kind}WithinDays`, { count: hours / HOURS_PER_DAY })
      : t(`pricing.${kind}WithinHours`, { count: hours });
  };

  const unit = (offer: Offer, count: number) => t(`pricing.units.${offer.unitType}`, { count });

  return {
    restrictions(offer: Offer, names: OfferNames): string[] {
      const words: string[] = [];
      if (offer.limit !== null && offer.limitUnitOfMeasure === 'concurrent') {
        words.push(
          offer.limit === 1
            ? t('pricing.restrictions.onePerCustomer')
            : t('pricing.restrictions.concurrent', { count: offer.limit }),
        );
      }
      if (offer.limit !== null && offer.limitUnitOfMeasure === 'lifetime') {
        words.push(
          offer.limit === 1
            ? t('pricing.restrictions.oncePerCustomer')
            : t('pricing.restrictions.lifetime', { count: offer.limit }),
        );
      }
      if (offer.isAddOn) {
        words.push(
          t('pricing.restrictions.needsBase', { offers: named(offer.baseOfferIds, names) }),
        );
      }
      if (offer.segments.length < ALL_SEGMENTS) {
        const segments = and.format(offer.segments.map((s) => t(`pricing.segmentNames.${s}`)));
        words.push(t('pricing.restrictions.segmentsOnly', { segments }));
      }
      if (!offer.instances.includes('global')) words.push(t('pricing.restrictions.usgovOnly'));
      return words;
    },
    unitType: (offer: Offer) => t(`pricing.unitTypes.${offer.unitType}`),
    quantity: (offer: Offer) =>
      offer.minimumQuantity === offer.maximumQuantity
        ? t('pricing.quantityExactly', {
            count: offer.minimumQuantity,
            unit: unit(offer, offer.minimumQuantity),
          })
        : t('pricing.quantityRange', {
            min: format.number(offer.minimumQuantity),
            max: format.number(offer.maximumQuantity),
            unit: unit(offer, offer.maximumQuantity),
          }),
    billing: (offer: Offer) =>
      t('pricing.billed', {
        cycles: or.format(offer.billingCycles.map((c) => t(`pricing.billedCycles.${c}`))),
      }),
    terms: (offer: Offer) => {
      const [only] = offer.termDurations;
      return t(`pricing.termsOffered.${offer.termDurations.length === 1 && only ? only : 'both'}`);
    },
    /** One line per (billing cycle, term) priced in `currency`, of `billingCycle` alone if given. */
    prices(offer: Offer, currency: string, billingCycle?: BillingCycle): string[] {
      return offer.prices
        .filter(
          (p) => p.currency === currency && (!billingCycle || p.billingCycle === billingCycle),
        )
        .map((p) =>
          t('pricing.priceLine', {
            billing: t(`pricing.billedLabels.${p.billingCycle}`),
            term: t(`pricing.termLengths.${p.termDuration}`),
            price: format.money(p.unitPrice, currency),
            per: t(`pricing.per.${offer.unitType}.${p.billingCycle}`),
          }),
        );
    },
    trial(offer: Offer, names: OfferNames): string[] {
      if (!offer.trial) return [];
      const { days, maxQuantity, conversionTargetOfferIds } = offer.trial;
      const length = t('pricing.trialLength', {
        count: days,
        max: format.number(maxQuantity),
        unit: unit(offer, maxQuantity),
      });
      if (conversionTargetOfferIds.length === 0) return [length];
      return [
        length,
        t('pricing.trialConverts', { offers: named(conversionTargetOfferIds, names) }),
      ];
    },
    cancellation: (offer: Offer) => window('cancel', offer.policies.cancellationWindowHours),
    reduction: (offer: Offer) => window('reduce', offer.policies.quantityDecreaseWindowHours),
    renewal: (offer: Offer) =>
      offer.autoRenewable ? t('pricing.renews') : t('pricing.doesNotRenew'),
  };
}
