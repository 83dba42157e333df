import { resealSecrets } from '../../services/webhooks/reseal-secrets.js';
import { newSecretKey } from '../../services/webhooks/secret-box.js';
import { parseOptions } from '../args.js';
import { UsageError, type CommandOutput } from '../output.js';
import { withContext } from '../with-context.js';

/** Prints a new key for PSC_SECRET_KEY (32 random bytes, base64). */
export function runSecretsNewKey(args: string[], out: CommandOutput): Promise<void> {
  parseOptions(args, {});
  out.stdout(newSecretKey());
  return Promise.resolve();
}

/** Seals every webhook secret under the current PSC_SECRET_KEY (the last step of a key rotation). */
export async function runSecretsReseal(args: string[], out: CommandOutput): Promise<void> {
  const options = parseOptions(args, { json: { type: 'boolean', default: false } });
  await withContext(async (ctx) => {
    const box = ctx.webhooks.secrets;
    if (!box)
      throw new UsageError('set PSC_SECRET_KEY (and the old key in PSC_SECRET_KEY_PREVIOUS)');
    const counts = await resealSecrets(ctx, box);
    out.stdout(
      options.json
        ? JSON.stringify(counts)
        : `resealed ${counts.resealed} endpoint(s); ${counts.current} already under the current key`,
    );
  });
}
