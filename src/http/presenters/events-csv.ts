import { stringify, type Options } from 'csv-stringify/sync';
import type { NamedEvent } from '../../services/list-events.js';

const COLUMNS = [
  'id',
  'occurredAt',
  'type',
  'actorType',
  'actorId',
  'actorName',
  'customerId',
  'customerName',
  'subscriptionId',
  'subscriptionName',
  'orderId',
  'reason',
  'data',
] as const;

/**
 * RFC 4180 with CRLF. A cell that starts like a formula (= + - @ tab CR) gets a leading `'`, so
 * spreadsheets show it rather than run it; a cell holding `;` is quoted too, because some
 * spreadsheets split on it.
 */
const OPTIONS: Options = {
  record_delimiter: 'windows',
  // With its own record delimiter, csv-stringify would no longer quote a lone \n or \r.
  quote_record_delimiter: true,
  quoted_match: ';',
  escape_formulas: true,
};

export function csvHeader(): string {
  return stringify([[...COLUMNS]], OPTIONS);
}

export function csvRow({ event, customerName, subscriptionName }: NamedEvent): string {
  const values = [
    event.id,
    event.occurredAt.toISOString(),
    event.type,
    event.actor.type,
    event.actor.id,
    event.actor.name,
    event.customerId,
    customerName,
    event.subscriptionId,
    subscriptionName,
    event.orderId,
    event.reason,
    JSON.stringify(event.data),
  ];
  return stringify([values], OPTIONS);
}
