import { defineCommand } from './command.js';
import { day, text } from './format.js';
import { OUTPUT_OPTIONS, parseCommand } from './options.js';
import { connect, printJson } from './session.js';
import { formatTable } from './table.js';

export const webhooksList = defineCommand({
  name: 'webhooks list',
  synopsis: '[--json]',
  summary: "List the partner's webhook endpoints (never their secrets).",
  common: ['--json'],
  async run(args, io) {
    const { values } = parseCommand(args, OUTPUT_OPTIONS);
    const session = connect(io);
    const answer = await session.call(session.api.GET('/v1/webhooks'));
    if (values.json === true) return printJson(io, answer);
    io.out.stdout(
      formatTable(answer.items, [
        { header: 'ID', value: (w) => w.id },
        { header: 'URL', value: (w) => w.url },
        { header: 'EVENTS', value: (w) => w.eventTypes.join(',') },
        {
          header: 'STATE',
          value: (w) => (w.enabled ? 'enabled' : `disabled (${w.disabledReason ?? 'manual'})`),
        },
        { header: 'DESCRIPTION', value: (w) => text(w.description) },
        { header: 'CREATED', value: (w) => day(w.createdAt) },
      ]),
    );
  },
});
