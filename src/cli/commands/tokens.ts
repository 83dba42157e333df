import { createApiToken } from '../../services/create-api-token.js';
import { listApiTokens } from '../../services/list-api-tokens.js';
import { revokeApiToken } from '../../services/revoke-api-token.js';
import { parseOptions, requiredId, roleOption } from '../args.js';
import type { CommandOutput } from '../output.js';
import { withContext } from '../with-context.js';

export async function runTokenCreate(args: string[], out: CommandOutput): Promise<void> {
  const options = parseOptions(args, {
    partner: { type: 'string' },
    name: { type: 'string', default: 'API token' },
    role: { type: 'string', default: 'global_admin' },
    json: { type: 'boolean', default: false },
  });
  const partnerId = requiredId(options.partner, '--partner', 'partner');
  const role = roleOption(options.role);
  const { record, secret } = await withContext((ctx) =>
    createApiToken(ctx, { partnerId, name: options.name, role }),
  );
  if (options.json) {
    out.stdout(
      JSON.stringify({ id: record.id, partnerId, name: record.name, role, token: secret }),
    );
  } else {
    out.stdout(
      `Created API token ${record.name} (${record.id})\nAPI token (shown only now): ${secret}`,
    );
  }
}

export async function runTokenList(args: string[], out: CommandOutput): Promise<void> {
  const options = parseOptions(args, {
    partner: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const partnerId = requiredId(options.partner, '--partner', 'partner');
  const tokens = await withContext((ctx) => listApiTokens(ctx, partnerId));
  const rows = tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.tokenPrefix,
    createdAt: t.createdAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
  if (options.json) {
    out.stdout(JSON.stringify(rows));
    return;
  }
  for (const r of rows) {
    out.stdout(
      `${r.id}  ${r.prefix}…  ${r.revokedAt ? `revoked ${r.revokedAt}` : 'active'}  ${r.name}`,
    );
  }
}

export async function runTokenRevoke(args: string[], out: CommandOutput): Promise<void> {
  const options = parseOptions(args, { partner: { type: 'string' }, token: { type: 'string' } });
  const partnerId = requiredId(options.partner, '--partner', 'partner');
  const tokenId = requiredId(options.token, '--token', 'token');
  await withContext((ctx) => revokeApiToken(ctx, { partnerId, tokenId }));
  out.stdout(`Revoked API token ${tokenId}`);
}
