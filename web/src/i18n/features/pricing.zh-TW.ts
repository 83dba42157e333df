import type { pricingEn } from './pricing.en';

/** 繁體中文 messages of the pricing page. */
export const pricingZhTW: typeof pricingEn = {
  title: 'TODO',
};
