import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { s3Sdk } from './s3-sdk.js';

/** Test support: a real versitygw S3 gateway (posix backend with versioning) on a random loopback port. */
export interface VersityGw {
  readonly endpoint: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  /** Creates a bucket with Object Lock enabled (which also turns versioning on). */
  createLockedBucket(name: string): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server process only (to simulate an outage); the data stays. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data after kill(). */
  restart(): Promise<void>;
}

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Built by test/tools/versitygw.sh; VERSITYGW_BIN overrides. */
export function versitygwBinary(): string | undefined {
  const bin = process.env.VERSITYGW_BIN ?? join(repoRoot, '.cache', 'bin', 'versitygw');
  return existsSync(bin) ? bin : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const up = await new Promise<boolean>((ok) => {
      const c = createConnection({ host: '127.0.0.1', port }, () => (c.end(), ok(true)));
      c.once('error', () => ok(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`versitygw did not listen on 127.0.0.1:${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startVersityGw(bin: string): Promise<VersityGw> {
  const dir = await mkdtemp(join(tmpdir(), 'gr-vgw-'));
  const root = join(dir, 'root');
  const versions = join(dir, 'versions');
  await mkdir(root);
  await mkdir(versions);
  const port = await freePort();
  const credentials = { accessKeyId: 'guardrail', secretAccessKey: 'guardrail-secret' };
  const args = ['--access', credentials.accessKeyId, '--secret', credentials.secretAccessKey];
  args.push('--port', `127.0.0.1:${port}`, '--quiet', 'posix', '--versioning-dir', versions, root);
  let child: ChildProcess;
  const launch = async (): Promise<void> => {
    child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitForPort(port, 10_000).catch((err: unknown) => {
      child.kill('SIGKILL');
      throw new Error(`${(err as Error).message}\n${stderr}`);
    });
  };
  await launch();
  const endpoint = `http://127.0.0.1:${port}`;
  const kill = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((ok) => {
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    });
  };
  return {
    endpoint,
    credentials,
    async createLockedBucket(name) {
      const { CreateBucketCommand, S3Client } = s3Sdk();
      const c = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
      await c.send(new CreateBucketCommand({ Bucket: name, ObjectLockEnabledForBucket: true }));
      c.destroy();
    },
    kill,
    restart: launch,
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
