/** English messages of the webhooks page. */
export const webhooksEn = {
  title: 'Webhooks',
  intro:
    'Your systems hear of every change as it happens: each event is sent, signed, to the endpoints that subscribe to it, and retried with growing delays, for about a day by default, until they answer.',
  /** Completes app.notAllowed: “Your role may not …”. */
  notAllowed: 'manage webhooks',
  endpoints: 'Endpoints',
  count: '{{count}} of {{max}} endpoints',
  limitReached:
    'You have {{max}} endpoints, the most a partner may have: delete one to add another.',
  empty:
    'No endpoints yet. Add one with New endpoint: the URL where your system receives events, and which events it wants.',
  columns: { endpoint: 'Endpoint', events: 'Events', state: 'State', created: 'Created' },
  show: 'Show {{url}}',
  allEvents: 'All events',
  /** Between the names of event types in a short list. */
  separator: ', ',
  someEvents_one: '{{count}} event: {{events}}',
  someEvents_other: '{{count}} events: {{events}}',
  states: {
    enabled: 'Enabled',
    manual: 'Disabled',
    failing: 'Disabled: failing',
  },
  failingSince: 'Failing since {{date}}',
  stateHints: {
    manual: 'Disabled by you or a colleague: nothing is sent until it is enabled.',
    failing:
      'Disabled after every delivery failed for 5 days (since {{date}}). Enable it once it answers again.',
  },
  details: {
    title: 'Endpoint',
    url: 'URL',
    description: 'Description',
    noDescription: 'None',
    events: 'Events',
    allEvents: 'All events, including ones added later',
    state: 'State',
    created: 'Created',
    updated: 'Changed',
    previousSecret: 'Old secret',
    previousSecretUntil: 'Still signs beside the new one until {{date}}',
  },
  commands: {
    label: 'Endpoint commands',
    test: 'Send test event',
    testing: 'Sending…',
    tested: 'A test event is on its way to {{url}}: its delivery is at the top of the list below.',
    edit: 'Edit',
    disable: 'Disable',
    enable: 'Enable',
    disabled: '{{url}} is disabled: no events are sent to it.',
    enabled: '{{url}} is enabled: events are sent to it again.',
    rotate: 'Rotate secret',
    delete: 'Delete',
    deleted: '{{url}} was deleted.',
  },
  form: {
    newButton: 'New endpoint',
    newTitle: 'New endpoint',
    editTitle: 'Edit endpoint',
    url: 'URL',
    urlHint: 'Where your system receives events, e.g. https://example.com/psc-events',
    urlRequired: 'Enter the URL.',
    description: 'Description (optional)',
    descriptionHint: 'What it is for, to tell endpoints apart.',
    events: 'Events',
    all: 'All events, including ones added later',
    some: 'Only the events I choose',
    chosenEvents: 'Events to send',
    noneChosen: 'Choose at least one event, or All events.',
    create: 'Create endpoint',
    creating: 'Creating…',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    saved: 'Changes to {{url}} saved.',
    noChanges: 'Nothing to change.',
  },
  secret: {
    createdTitle: 'Endpoint created. Its signing secret:',
    rotatedTitle: 'New signing secret of {{url}}:',
    label: 'Signing secret',
    warning:
      'Copy it now and keep it where your receiver checks signatures: it will not be shown again.',
    rotatedNote:
      'The old secret keeps signing beside it until {{date}}: switch your receiver over before then.',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: select the secret and copy it yourself.',
    done: 'Done',
  },
  confirm: {
    keep: 'Cancel',
    rotateTitle: 'Rotate the secret of {{url}}?',
    rotateText:
      'A new secret is made and shown once. For 24 hours events are signed with both the new and the old secret, so your receiver can switch over; after that, with the new one only.',
    rotate: 'Rotate secret',
    deleteTitle: 'Delete {{url}}?',
    deleteText:
      'No more events are sent to it, and its deliveries are no longer listed. This cannot be undone.',
    delete: 'Delete endpoint',
  },
  deliveries: {
    title: 'Deliveries to {{url}}',
    intro:
      'Newest first. A failed attempt is retried with growing delays, for about a day by default.',
    status: 'Status',
    anyStatus: 'All statuses',
    refresh: 'Refresh',
    empty: 'Nothing sent to this endpoint yet. Send a test event to see one.',
    emptyFiltered: 'No deliveries with this status.',
    columns: {
      event: 'Event',
      status: 'Status',
      attempts: 'Attempts',
      nextAttempt: 'Next attempt',
      actions: 'Actions',
    },
    statuses: { pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed' },
    eventId: 'Event {{id}}',
    noAttempts: 'Not attempted yet',
    duration: '{{duration}} ms',
    httpStatus: 'HTTP {{code}}',
    noNextAttempt: '—',
    response: 'Answer: {{body}}',
    redeliver: 'Redeliver',
    redeliverFor: 'Redeliver event {{id}}',
    redelivering:
      'The event is sent again now, with a fresh retry schedule: its attempts are added below.',
  },
  problems: {
    url: {
      invalid_value:
        'Enter a whole https:// URL such as https://example.com/psc-events, without a user name, password or #fragment.',
      invalid_length: 'A URL has 1 to 2048 characters.',
    },
    eventTypes: {
      invalid_value: 'Choose All events, or the events you want, not both.',
      invalid_length: 'Choose at least one event, or All events.',
    },
    description: { invalid_length: 'A description has at most 500 characters.' },
    invalid_format: 'This does not have the expected form.',
    invalid_length: 'This is too short or too long.',
    invalid_value: 'This value is not allowed here.',
    unknown_event_type: 'This event type does not exist.',
    webhook_url_not_allowed:
      'This address is not allowed: use an https:// URL that resolves to a public address.',
    too_many_webhook_endpoints:
      'You already have {{max}} endpoints, the most a partner may have: delete one first.',
    webhook_delivery_in_flight:
      'An attempt is under way: wait until it ends, then redeliver if it failed.',
    not_found: 'This endpoint no longer exists: someone deleted it.',
    forbidden: 'Your role may not manage webhooks; ask a global admin.',
    failed: 'Not done: {{message}}',
  },
};
