import type { CreateCustomerInput } from './create-customer.js';

/**
 * The demo partner's customers: one of every segment, in the catalog's main markets. Contoso's
 * account opened on the seed's example date, so its retention period is the seed's 112 days.
 */
export const DEMO_CUSTOMERS: readonly CreateCustomerInput[] = [
  {
    companyName: 'Contoso Ltd.',
    domain: 'contoso.example',
    country: 'US',
    segment: 'commercial',
    accountOpenedAt: new Date('2026-01-10T15:30:00.000Z'),
    billingProfile: {
      firstName: 'Avery',
      lastName: 'Howard',
      email: 'billing@contoso.example',
      address: { line1: '1 Microway', city: 'Redmond', postalCode: '98052', country: 'US' },
    },
  },
  {
    companyName: 'Fabrikam GmbH',
    domain: 'fabrikam.example',
    country: 'DE',
    segment: 'commercial',
    accountOpenedAt: new Date('2025-06-03T08:00:00.000Z'),
    billingProfile: {
      firstName: 'Jonas',
      lastName: 'Weber',
      email: 'rechnung@fabrikam.example',
      address: { line1: 'Hauptstraße 12', city: 'München', postalCode: '80331', country: 'DE' },
    },
  },
  {
    companyName: 'Northwind Academy',
    domain: 'northwind-academy.example',
    country: 'GB',
    segment: 'education',
    accountOpenedAt: new Date('2025-09-01T09:00:00.000Z'),
    billingProfile: {
      firstName: 'Olivia',
      lastName: 'Clarke',
      email: 'bursar@northwind-academy.example',
      address: { line1: '10 College Road', city: 'Leeds', postalCode: 'LS1 3AB', country: 'GB' },
    },
  },
  {
    companyName: 'Riverside County Services',
    domain: 'riverside-county.example',
    country: 'US',
    segment: 'government',
    accountOpenedAt: new Date('2026-02-16T17:00:00.000Z'),
    billingProfile: {
      firstName: 'Marcus',
      lastName: 'Lee',
      email: 'procurement@riverside-county.example',
      address: {
        line1: '400 Civic Center Dr',
        city: 'Riverside',
        postalCode: '92501',
        country: 'US',
      },
    },
  },
  {
    companyName: 'Hope Harbor Foundation',
    domain: 'hopeharbor.example',
    country: 'IE',
    segment: 'nonprofit',
    accountOpenedAt: new Date('2026-04-20T10:00:00.000Z'),
    billingProfile: {
      firstName: 'Niamh',
      lastName: 'Byrne',
      email: 'finance@hopeharbor.example',
      address: { line1: '5 Quay Street', city: 'Galway', postalCode: 'H91 X2YF', country: 'IE' },
    },
  },
  {
    companyName: '福爾摩沙茶業股份有限公司',
    domain: 'formosa-tea.example',
    country: 'TW',
    segment: 'commercial',
    accountOpenedAt: new Date('2026-03-05T02:00:00.000Z'),
    billingProfile: {
      firstName: '怡君',
      lastName: '陳',
      email: 'billing@formosa-tea.example',
      address: { line1: '信義路五段7號', city: '台北市', postalCode: '110', country: 'TW' },
    },
  },
  {
    companyName: 'Sakura Design K.K.',
    domain: 'sakura-design.example',
    country: 'JP',
    segment: 'commercial',
    accountOpenedAt: new Date('2026-05-11T01:00:00.000Z'),
    billingProfile: {
      firstName: 'Haruto',
      lastName: 'Sato',
      email: 'keiri@sakura-design.example',
      address: { line1: '1-2-3 Shibuya', city: 'Tokyo', postalCode: '150-0002', country: 'JP' },
    },
  },
];
