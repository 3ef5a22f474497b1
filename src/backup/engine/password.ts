/**
 * The repository password. Order: --password-file, env GUARDRAIL_REPO_PASSWORD, else (local mode only) a
 * random one generated on first use into `<state>/repo-password` with mode 0600 and reported once, so the
 * quick start needs no setup. Losing that file loses the backups: the log line says so. Cluster mode reads
 * it from a Secret instead.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface PasswordSource {
  readonly passwordFile?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where a generated password lives. */
  readonly generatedFile: string;
}

export interface ResolvedPassword {
  readonly password: string;
  readonly source: 'file' | 'env' | 'generated' | 'state';
  readonly file?: string;
}

export async function resolvePassword(s: PasswordSource): Promise<ResolvedPassword> {
  if (s.passwordFile) {
    const text = await readFile(s.passwordFile, 'utf8').catch(() => {
      throw new Error(`cannot read password file ${s.passwordFile}`);
    });
    return { password: text.replace(/\r?\n$/, ''), source: 'file', file: s.passwordFile };
  }
  const env = s.env.GUARDRAIL_REPO_PASSWORD;
  if (env) return { password: env, source: 'env' };
  const existing = await readFile(s.generatedFile, 'utf8').catch(() => undefined);
  if (existing) return { password: existing.trim(), source: 'state', file: s.generatedFile };
  const password = randomBytes(24).toString('base64url');
  await mkdir(dirname(s.generatedFile), { recursive: true });
  // 'wx': two processes starting at once must not both generate; the loser reads the winner's.
  try {
    await writeFile(s.generatedFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    return { password: (await readFile(s.generatedFile, 'utf8')).trim(), source: 'state', file: s.generatedFile };
  }
  return { password, source: 'generated', file: s.generatedFile };
}
