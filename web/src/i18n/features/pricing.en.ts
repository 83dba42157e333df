/** English messages of the pricing page. */
export const pricingEn = {
  title: 'TODO',
};
