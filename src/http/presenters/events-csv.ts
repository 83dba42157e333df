import { csvLine } from './csv.js';
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

export function csvHeader(): string {
  return csvLine([...COLUMNS]);
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
  return csvLine(values);
}
