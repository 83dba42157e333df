/** English messages of the forms people use most: New subscription, a subscription's changes. */
export const formsEn = {
  newSubscription: {
    availableOnly: 'Available offers only',
    hidden_one: '{{count}} offer that cannot be bought now is hidden.',
    hidden_other: '{{count}} offers that cannot be bought now are hidden.',
    quantity: {
      whole: 'Enter a whole number of licenses.',
      min: 'At least {{min}}.',
      max: 'At most {{max}}.',
    },
    fixQuantities: 'Correct the number of licenses of: {{offers}}.',
    selected_one: '{{count}} offer ticked',
    selected_other: '{{count}} offers ticked',
  },
  toasts: {
    ordered_one: 'Order placed: {{count}} subscription created for {{customer}}.',
    ordered_other: 'Order placed: {{count}} subscriptions created for {{customer}}.',
    saved: '{{name}} saved: {{changes}}.',
    addOnsAdded_one: '{{count}} add-on added to {{name}}.',
    addOnsAdded_other: '{{count}} add-ons added to {{name}}.',
    cancelled: '{{name}} cancelled.',
    converted: 'Trial converted to {{offer}}.',
  },
  changes: {
    quantity: 'licenses {{from}} → {{to}}',
    autoRenew: 'auto-renew {{from}} → {{to}}',
    on: 'on',
    off: 'off',
    name: 'name → “{{name}}”',
    status: 'status {{from}} → {{to}}',
    statusTo: 'status → {{to}}',
    term: 'term to {{date}}',
    offer: '{{offer}}',
    convertedTo: 'converted to {{offer}}',
  },
  history: {
    changes: 'What changed',
  },
};
