import { describe, expect, it } from 'vitest';
import { refusal } from '../../helpers/refusals.js';
import { EVENT_TYPES } from '../../../src/domain/event.js';
import {
  ALL_EVENT_TYPES,
  endpointWants,
  normalizeEventTypes,
  previousSecretExpiry,
  previousSecretSigns,
  SUBSCRIBABLE_EVENT_TYPES,
  WEBHOOK_TEST_EVENT,
} from '../../../src/domain/webhooks/endpoint.js';

describe('the subscribable event types', () => {
  it('are every registered type but the test event', () => {
    expect(SUBSCRIBABLE_EVENT_TYPES).not.toContain(WEBHOOK_TEST_EVENT);
    expect([...SUBSCRIBABLE_EVENT_TYPES, WEBHOOK_TEST_EVENT].sort()).toEqual(
      [...EVENT_TYPES].sort(),
    );
  });
});

describe('normalizeEventTypes', () => {
  it('refuses an empty list, at /eventTypes', () => {
    const error = refusal(() => normalizeEventTypes([]));
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([
      expect.objectContaining({ field: '/eventTypes', code: 'invalid_length' }),
    ]);
  });

  it('refuses each unknown type with a pointer to where it stands', () => {
    const error = refusal(() =>
      normalizeEventTypes(['subscription.suspended', 'subscription.eaten', 'nope']),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([
      expect.objectContaining({ field: '/eventTypes/1', code: 'unknown_event_type' }),
      expect.objectContaining({ field: '/eventTypes/2', code: 'unknown_event_type' }),
    ]);
    expect(error.errors[0]?.detail).toContain('subscription.eaten');
  });

  it('refuses the test event, which is sent only where it is asked for', () => {
    const error = refusal(() => normalizeEventTypes([WEBHOOK_TEST_EVENT]));
    expect(error.errors).toEqual([
      expect.objectContaining({ field: '/eventTypes/0', code: 'unknown_event_type' }),
    ]);
  });

  it('refuses near misses: case, spaces and patterns are not types', () => {
    for (const type of [
      'Subscription.Suspended',
      ' subscription.suspended',
      'subscription.*',
      '',
    ]) {
      const error = refusal(() => normalizeEventTypes([type]));
      expect(error.errors[0], type).toMatchObject({ field: '/eventTypes/0' });
    }
  });

  it('takes "*" alone as every type', () => {
    expect(normalizeEventTypes([ALL_EVENT_TYPES])).toEqual(['*']);
    expect(normalizeEventTypes(['*', '*'])).toEqual(['*']);
  });

  it('refuses "*" beside other types, which it would hide', () => {
    const error = refusal(() => normalizeEventTypes(['*', 'subscription.suspended']));
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([
      expect.objectContaining({ field: '/eventTypes', code: 'invalid_value' }),
    ]);
  });

  it('names every problem at once: an unknown type and "*" beside it', () => {
    const error = refusal(() => normalizeEventTypes(['*', 'bogus']));
    expect(error.errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      '/eventTypes/1 unknown_event_type',
      '/eventTypes invalid_value',
    ]);
  });

  it("answers each type once, in the registry's order", () => {
    expect(
      normalizeEventTypes([
        'subscription.suspended',
        'customer.created',
        'subscription.suspended',
        'invoice.issued',
        'customer.created',
      ]),
    ).toEqual(['customer.created', 'subscription.suspended', 'invoice.issued']);
  });

  it('takes every subscribable type at once', () => {
    expect(normalizeEventTypes([...SUBSCRIBABLE_EVENT_TYPES].reverse())).toEqual([
      ...SUBSCRIBABLE_EVENT_TYPES,
    ]);
  });
});

describe('endpointWants', () => {
  const some = { enabled: true, eventTypes: ['subscription.suspended', 'invoice.issued'] };
  const all = { enabled: true, eventTypes: ['*'] };

  it('wants the types it names and no others', () => {
    expect(endpointWants(some, 'subscription.suspended')).toBe(true);
    expect(endpointWants(some, 'invoice.issued')).toBe(true);
    expect(endpointWants(some, 'subscription.reactivated')).toBe(false);
    expect(endpointWants(some, 'customer.created')).toBe(false);
  });

  it('wants every type with "*"', () => {
    for (const type of SUBSCRIBABLE_EVENT_TYPES) expect(endpointWants(all, type), type).toBe(true);
  });

  it('wants nothing while disabled', () => {
    expect(endpointWants({ ...some, enabled: false }, 'subscription.suspended')).toBe(false);
    expect(endpointWants({ ...all, enabled: false }, 'customer.created')).toBe(false);
  });

  it('never wants the test event, even with "*" or naming it', () => {
    expect(endpointWants(all, WEBHOOK_TEST_EVENT)).toBe(false);
    expect(
      endpointWants({ enabled: true, eventTypes: [WEBHOOK_TEST_EVENT] }, WEBHOOK_TEST_EVENT),
    ).toBe(false);
  });
});

describe('the secret before a rotation', () => {
  it('signs beside the new one for 24 hours after the rotation, and not at their end', () => {
    const rotatedAt = new Date('2026-12-02T10:00:00.000Z');
    const expires = previousSecretExpiry(rotatedAt);
    expect(expires.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    const endpoint = { previousSecretExpiresAt: expires };
    expect(previousSecretSigns(endpoint, new Date('2026-12-03T09:59:59.999Z'))).toBe(true);
    expect(previousSecretSigns(endpoint, expires)).toBe(false);
    expect(previousSecretSigns({ previousSecretExpiresAt: null }, rotatedAt)).toBe(false);
  });
});
