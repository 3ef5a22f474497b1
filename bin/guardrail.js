#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by `npm run build`, which `npm ci` runs through `prepare`) when it is
// at least as new as every source file, and the TypeScript sources through tsx otherwise, so an edit to
// src/ is never shadowed by a stale build. The compiled CLI starts faster and uses ~60 MB less memory.
// GUARDRAIL_USE_DIST=1 forces dist/ (the container image), GUARDRAIL_USE_DIST=0 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

/** True when no non-test .ts file under dir changed after `since` (ms). */
function unchangedSince(dir, since) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!unchangedSince(p, since)) return false;
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && statSync(p).mtimeMs > since) {
      return false;
    }
  }
  return true;
}

function useDist() {
  const choice = process.env.GUARDRAIL_USE_DIST;
  if (choice === '0' || !existsSync(built)) return false;
  if (choice === '1' || !existsSync(sources)) return true;
  return unchangedSince(sources, statSync(built).mtimeMs);
}

if (useDist()) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
