import { createFirstUser } from '../../services/create-user.js';
import { parseOptions, required, requiredId, roleOption } from '../args.js';
import type { CommandOutput } from '../output.js';
import { withContext } from '../with-context.js';

/** A partner user made by the operator, e.g. the first global admin of a new partner. */
export async function runUserCreate(args: string[], out: CommandOutput): Promise<void> {
  const options = parseOptions(args, {
    partner: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'global_admin' },
    json: { type: 'boolean', default: false },
  });
  const partnerId = requiredId(options.partner, '--partner', 'partner');
  const email = required(options.email, '--email');
  const role = roleOption(options.role);
  // The password is never taken from the command line, where it would stay in the shell history.
  const created = await withContext((ctx) =>
    createFirstUser(ctx, partnerId, {
      email,
      displayName: typeof options.name === 'string' ? options.name : email,
      role,
    }),
  );
  if (options.json) {
    out.stdout(
      JSON.stringify({
        id: created.user.id,
        email: created.user.email,
        role,
        temporaryPassword: created.temporaryPassword,
      }),
    );
    return;
  }
  out.stdout(
    `Created user ${created.user.email} (${role})\nTemporary password (shown only now): ${created.temporaryPassword ?? ''}`,
  );
}
