#!/usr/bin/env node
// Runs the TypeScript sources through tsx so that `npx guardrail` works right after `npm ci`,
// with no build step; `npm run build` + dist/ is what the container image uses.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (process.env.GUARDRAIL_USE_DIST === '1' && existsSync(built)) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
