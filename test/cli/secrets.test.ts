import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { capture } from '../helpers/cli-output.js';
import { SecretBox } from '../../src/services/webhooks/secret-box.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';

const OLD_KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);

/** Rotating PSC_SECRET_KEY as docs/operations.md says: new key, old one as previous, reseal. */
describe('psc secrets', () => {
  let t: TestApp;
  const saved = { ...process.env };
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      webhooks: { secrets: new SecretBox(OLD_KEY), allowPrivate: true },
    });
  });
  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(() => t.close());

  async function sealedSecrets(id: string) {
    return t.store.db
      .selectFrom('webhook_endpoints')
      .select(['secret', 'previous_secret'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  it('prints a new key that PSC_SECRET_KEY takes', async () => {
    const run = capture();
    expect(await runCli(['secrets', 'new-key'], run.output)).toBe(0);
    expect(Buffer.from(run.out[0] ?? '', 'base64')).toHaveLength(32);
  });

  it('reseals every secret under the new key, after which the old key is not needed', async () => {
    const { token } = await t.newPartner();
    const api = client(t.app, token);
    const created = await api.post('/v1/webhooks', {
      url: 'http://127.0.0.1:9/hooks',
      eventTypes: ['*'],
    });
    const { id, secret: first } = created.json<{ id: string; secret: string }>();
    const rotated = await api.post(`/v1/webhooks/${id}/rotate-secret`, {});
    const { secret: second } = rotated.json<{ secret: string }>();
    const path = (t.store.target as { path: string }).path;
    process.env.DATABASE_URL = `sqlite:${path}`;

    // Without the old key the sealed secrets cannot be opened: the command says so and changes nothing.
    process.env.PSC_SECRET_KEY = NEW_KEY.toString('base64');
    const refused = capture();
    expect(await runCli(['secrets', 'reseal'], refused.output)).toBe(1);
    expect(refused.err.join('\n')).toContain('PSC_SECRET_KEY_PREVIOUS');
    expect(new SecretBox(OLD_KEY).open((await sealedSecrets(id)).secret)).toBe(second);

    process.env.PSC_SECRET_KEY_PREVIOUS = OLD_KEY.toString('hex');
    const resealed = capture();
    expect(await runCli(['secrets', 'reseal', '--json'], resealed.output)).toBe(0);
    expect(JSON.parse(resealed.out[0] ?? '{}')).toMatchObject({ resealed: 1 });
    const sealed = await sealedSecrets(id);
    const newOnly = new SecretBox(NEW_KEY);
    expect(newOnly.open(sealed.secret)).toBe(second);
    expect(newOnly.open(sealed.previous_secret ?? '')).toBe(first);
    expect(() => new SecretBox(OLD_KEY).open(sealed.secret)).toThrow();

    const again = capture();
    expect(await runCli(['secrets', 'reseal', '--json'], again.output)).toBe(0);
    expect(JSON.parse(again.out[0] ?? '{}')).toMatchObject({ resealed: 0 });
  });
});
