import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { layers } from '../../eslint/layers.js';

RuleTester.describe = describe;
RuleTester.it = it;

const ROOT = join(import.meta.dirname, '..', '..');
const ZONES = [
  { target: 'src/http', from: 'src/store', message: 'no store in http' },
  { target: 'src/domain', from: 'src', except: ['src/domain'], message: 'domain is pure' },
  { target: 'web/src', from: 'src', message: 'no server source in the portal' },
];
const rule = layers.rules?.imports;
if (!rule || typeof rule === 'function') throw new Error('layers/imports is missing');

const at = (file: string, code: string) => ({
  code,
  filename: join(ROOT, file),
  options: [ZONES],
});

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('layers/imports', rule, {
  valid: [
    at(
      'src/http/routes/v1/events.ts',
      "import { listEvents } from '../../../services/list-events.js';",
    ),
    at('src/domain/verbs/suspend.ts', "import type { Subscription } from '../subscription.js';"),
    at('src/domain/order.ts', "import countries from 'i18n-iso-countries';"),
    at('src/services/list-events.ts', "import { listEvents } from '../store/events.js';"),
    at('web/src/pages/users/model.ts', "import type { paths } from '../../api/schema';"),
  ],
  invalid: [
    at('src/http/routes/v1/events.ts', "import type { Page } from '../../../store/page.js';"),
    at('src/http/app.ts', "export { openStore } from '../store/db.js';"),
    at('src/domain/order.ts', "import { newId } from '../services/ids.js';"),
    at('src/domain/verbs/suspend.ts', "import type { Db } from '../../store/transaction.js';"),
    at('src/domain/order.ts', "type Config = import('../config.js').Config;"),
    at(
      'web/src/lib/retention.ts',
      "import { retentionExpiresAt } from '../../../src/domain/retention.js';",
    ),
  ].map((test) => ({ ...test, errors: 1 })),
});
