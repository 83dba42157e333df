let sequence = 0;

/** A valid new-customer body with a unique domain; override any field. */
export function newCustomerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  const tag = `${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    companyName: `Contoso ${tag}`,
    domain: `contoso-${tag}.example`,
    country: 'US',
    segment: 'commercial',
    billingProfile: {
      firstName: 'Avery',
      lastName: 'Howard',
      email: 'billing@contoso.example',
      address: { line1: '1 Main St', city: 'Redmond', postalCode: '98052', country: 'US' },
    },
    ...overrides,
  };
}
