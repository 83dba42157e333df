import type { TFunction } from 'i18next';
import {
  ALL_EVENTS,
  type NewWebhookEndpoint,
  type WebhookEndpoint,
  type WebhookEndpointPatch,
} from '../../lib/webhooks';
import type { EventChoice } from './EventTypePicker';
import type { EndpointField } from './problems';

/** The endpoint form as it is being filled in. */
export interface EndpointDraft {
  url: string;
  description: string;
  events: EventChoice;
}

/** A new endpoint starts with every event: the simplest receiver that works. */
export function draftOf(endpoint?: WebhookEndpoint): EndpointDraft {
  if (!endpoint) return { url: '', description: '', events: { all: true, chosen: [] } };
  const all = endpoint.eventTypes.includes(ALL_EVENTS);
  return {
    url: endpoint.url,
    description: endpoint.description ?? '',
    events: { all, chosen: all ? [] : endpoint.eventTypes },
  };
}

function eventTypesOf(events: EventChoice): string[] {
  return events.all ? [ALL_EVENTS] : [...events.chosen];
}

export function bodyOf(draft: EndpointDraft): NewWebhookEndpoint {
  const description = draft.description.trim();
  return {
    url: draft.url.trim(),
    eventTypes: eventTypesOf(draft.events),
    ...(description ? { description } : {}),
  };
}

/** Only what changed, so that an edit never undoes a colleague's change to another field. */
export function patchOf(draft: EndpointDraft, endpoint: WebhookEndpoint): WebhookEndpointPatch {
  const patch: WebhookEndpointPatch = {};
  const url = draft.url.trim();
  const description = draft.description.trim();
  const eventTypes = eventTypesOf(draft.events);
  if (url !== endpoint.url) patch.url = url;
  if (description !== (endpoint.description ?? '')) patch.description = description || null;
  const before = [...endpoint.eventTypes].sort().join();
  if (eventTypes.slice().sort().join() !== before) patch.eventTypes = eventTypes;
  return patch;
}

/** What the form can tell before asking the API: a URL, and at least one event. */
export function draftProblems(t: TFunction, draft: EndpointDraft): Map<EndpointField, string> {
  const problems = new Map<EndpointField, string>();
  if (draft.url.trim() === '') problems.set('url', t('webhooks.form.urlRequired'));
  if (!draft.events.all && draft.events.chosen.length === 0) {
    problems.set('eventTypes', t('webhooks.form.noneChosen'));
  }
  return problems;
}
