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

/** RFC 4180: quoted when needed; a leading =+-@ is defused so spreadsheets show, not run, it. */
function cell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
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
  return `${values.map(cell).join(',')}\r\n`;
}
