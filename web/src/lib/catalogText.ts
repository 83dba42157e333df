import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Offer } from '../api/client';
import { allPages, LARGEST_PAGE } from './allPages';

type Translations = NonNullable<Offer['translations']>;

/** The text in `language`: its own translation, else one of the same language, else English. */
function translated(translations: Translations | undefined, language: string) {
  if (!translations || language === 'en') return undefined;
  const exact = translations[language];
  if (exact) return exact;
  const base = language.split('-')[0];
  const similar = Object.keys(translations).find((tag) => tag.split('-')[0] === base);
  return similar === undefined ? undefined : translations[similar];
}

/** An offer's name and description in `language`, falling back to the English text. */
export function offerText(
  offer: Pick<Offer, 'name' | 'description' | 'translations'>,
  language: string,
): { name: string; description: string } {
  const text = translated(offer.translations, language);
  return { name: text?.name ?? offer.name, description: text?.description ?? offer.description };
}

/** The name of an offer's product in `language`, falling back to the English name. */
export function productNameOf(
  offer: Pick<Offer, 'productName' | 'productTranslations'>,
  language: string,
): string {
  return translated(offer.productTranslations, language)?.name ?? offer.productName;
}

/** The description of an offer's product in `language`; the API gives no English one. */
export function productDescriptionOf(
  offer: Pick<Offer, 'productTranslations'>,
  language: string,
): string | undefined {
  return translated(offer.productTranslations, language)?.description;
}

/** Offers' and products' texts in the portal's current language. */
export function useOfferText() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    name: useCallback((offer: Offer) => offerText(offer, language).name, [language]),
    description: useCallback((offer: Offer) => offerText(offer, language).description, [language]),
    productName: useCallback((offer: Offer) => productNameOf(offer, language), [language]),
  };
}

/** The whole catalog, read once: it changes only when the server restarts. */
export function useCatalog() {
  return useQuery({
    queryKey: ['catalog', 'all'],
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(
          api.GET('/v1/offers', {
            params: { query: { limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
    staleTime: Infinity,
  });
}

/**
 * Names offers by id in the current language, for what carries only an offer id and the English
 * name it was bought with (subscriptions, order lines, events). Until the catalog has loaded, and
 * for an offer no longer in it, the English name given is shown.
 */
export function useOfferNames(): (offerId: string, englishName?: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const catalog = useCatalog();
  const offers = catalog.data;
  return useCallback(
    (offerId: string, englishName?: string) => {
      const offer = offers?.find((o) => o.id === offerId);
      return offer ? offerText(offer, language).name : (englishName ?? offerId);
    },
    [offers, language],
  );
}

/**
 * A subscription's name as people should read it: the name someone gave it, else its offer's in
 * the current language. An order names a subscription after its offer (in English) unless told
 * otherwise, so that default is read as "no name given".
 */
export function useSubscriptionName(): (subscription: {
  friendlyName: string;
  offerId: string;
  offerName: string;
}) => string {
  const offerName = useOfferNames();
  return useCallback(
    ({ friendlyName, offerId, offerName: englishName }) =>
      friendlyName && friendlyName !== englishName ? friendlyName : offerName(offerId, englishName),
    [offerName],
  );
}
