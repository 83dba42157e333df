#!/usr/bin/env node
// The psc command. In a checkout it runs the TypeScript sources through tsx, so it never runs a
// stale build; an installed package runs the compiled dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/psc.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/psc.js', import.meta.url).href);
}
