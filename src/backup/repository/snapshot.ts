import { hmacHex } from './crypto.js';
import { getSealedJson, putSealedJson } from './context.js';
import type { RepoContext } from './context.js';

/**
 * One entry of a directory tree; mtime is nanoseconds since the epoch as a decimal string (no float loss).
 * atime is not stored: reading files for a backup changes it, and trees must not change when data does not.
 */
export interface TreeNode {
  readonly name: string;
  readonly type: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly mtimeNs: string;
  readonly uid: number;
  readonly gid: number;
  readonly size?: number;
  readonly content?: string[];
  readonly subtree?: string;
  readonly target?: string;
}

export interface Tree {
  readonly nodes: TreeNode[];
}

export interface SnapshotSummary {
  readonly files: number;
  readonly dirs: number;
  readonly bytes: number;
  readonly addedBlobs: number;
  /** New content chunks (addedBlobs minus tree blobs). */
  readonly addedDataBlobs: number;
  readonly addedBytes: number;
  readonly addedPacks: number;
}

export interface SnapshotBody {
  readonly v: 1;
  readonly time: string;
  readonly hostname: string;
  readonly paths: string[];
  readonly tags: string[];
  readonly tree: string;
  readonly summary: SnapshotSummary;
}

/** The manifest as stored: the body plus the engine's HMAC signature over it. */
export interface Snapshot extends SnapshotBody {
  readonly sig: string;
}

export const SNAPSHOT_AAD = 'guardrail-snapshot';

export function signSnapshot(ctx: RepoContext, body: SnapshotBody): Snapshot {
  return { ...body, sig: hmacHex(ctx.keys.sign, JSON.stringify(body)) };
}

/** True when the manifest was signed by this repository's engine (a forged one is not a restore point). */
export function isSigned(ctx: RepoContext, s: Snapshot): boolean {
  const { sig, ...body } = s;
  return typeof sig === 'string' && hmacHex(ctx.keys.sign, JSON.stringify(body)) === sig;
}

export const writeSnapshot = (ctx: RepoContext, s: Snapshot): Promise<string> =>
  putSealedJson(ctx, 'snapshots', s, SNAPSHOT_AAD);

export const readSnapshot = (ctx: RepoContext, id: string): Promise<Snapshot> =>
  getSealedJson<Snapshot>(ctx, `snapshots/${id}`, SNAPSHOT_AAD, 'REPO_CORRUPT_SNAPSHOT');
