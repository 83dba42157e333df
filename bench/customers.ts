/** The i-th bench customer: a US commercial customer, so both ordered offers are available. */
export function benchCustomer(i: number) {
  const n = String(i).padStart(5, '0');
  return {
    companyName: `Bench Customer ${n}`,
    domain: `bench-${n}.example.com`,
    country: 'US',
    segment: 'commercial',
    billingProfile: {
      firstName: 'Avery',
      lastName: `Bench ${n}`,
      email: `billing@bench-${n}.example.com`,
      address: {
        line1: `${i + 1} Main Street`,
        city: 'Seattle',
        postalCode: '98101',
        country: 'US',
      },
    },
  } as const;
}

/** Hands out customer ids round robin, so consecutive requests go to different customers. */
export class CustomerCycle {
  #next = 0;

  constructor(private readonly ids: readonly string[]) {
    if (ids.length === 0) throw new Error('no customers to cycle through');
  }

  next(): string {
    const id = this.ids[this.#next % this.ids.length] as string;
    this.#next += 1;
    return id;
  }
}
