/**
 * Local mode: hook definitions from `<backup-config>/hooks.yaml` (a map `hooks: {name: spec}`), named by a
 * BackupPolicy's spec.hooks.preBackup/postBackup. The file is optional; a bad one is an error value.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { HookSpec } from './types.js';

export async function loadHooks(configDir: string): Promise<{ hooks: Record<string, HookSpec>; error?: string }> {
  const file = join(configDir, 'hooks.yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { hooks: {} };
  }
  const doc = parse(text) as { hooks?: Record<string, unknown> } | null;
  const hooks: Record<string, HookSpec> = {};
  for (const [name, spec] of Object.entries(doc?.hooks ?? {})) {
    const s = spec as Partial<Record<'exec' | 'dump', unknown>>;
    const argv = s.exec ?? s.dump;
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) return { hooks: {}, error: `${file}: hook ${name} needs exec or dump as a list of strings` };
    hooks[name] = spec as HookSpec;
  }
  return { hooks };
}
