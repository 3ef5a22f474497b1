/**
 * Volume data behind one interface. Local mode: `local-folder`, one folder per volume under the volumes
 * root (`<root>/<namespace>/<workload>/<volume>`), copied while the app is frozen by its hooks.
 *
 * Cluster mode plugs in a `csi-snapshot` implementation of the same interface (src/k8s/backup): capture()
 * creates a snapshot.storage.k8s.io/v1 VolumeSnapshot of the PVC, waits a bounded time for readyToUse and
 * records the snapshot (not its bytes) in the restore point; restore() makes the snapshot available in the
 * target namespace and answers the dataSource of the PVC to create. Moving the bytes into the repository
 * (a short-lived mover Job mounting a PVC made from the snapshot) fits behind the same capture() later.
 * src/k8s owns the client calls; nothing here imports it.
 */
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface VolumeRef {
  readonly namespace: string;
  readonly workload: string;
  readonly volume: string;
}

export interface VolumeOutcome {
  readonly volume: string;
  readonly ok: boolean;
  readonly bytes: number;
  readonly message?: string;
  /** How the restore point lists it (default Volume/<volume>), e.g. the VolumeSnapshot a CSI capture made. */
  readonly item?: { readonly kind: string; readonly name: string };
  /** Restore: the PVC named `volume` is to be created with this dataSource (a CSI VolumeSnapshot). */
  readonly dataSource?: { readonly apiGroup: string; readonly kind: string; readonly name: string };
}

export interface VolumeCapture {
  readonly kind: 'local-folder' | 'csi-snapshot';
  /** Volumes that exist for this workload (declared ones and, in local mode, any folder present; cluster mode: every PVC of the namespace). */
  discover(namespace: string, workload: string, declared: readonly string[]): Promise<string[]>;
  /** Copies the volume's data into `into` (a folder that will be backed up). */
  capture(ref: VolumeRef, into: string): Promise<VolumeOutcome>;
  /** Puts the data in `from` back into the target's volume. */
  restore(from: string, target: VolumeRef): Promise<VolumeOutcome>;
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  }
  return total;
}

export function createLocalFolderCapture(volumesRoot: string): VolumeCapture {
  const dirOf = (r: VolumeRef): string => join(volumesRoot, r.namespace, r.workload, r.volume);
  return {
    kind: 'local-folder',
    async discover(namespace, workload, declared) {
      const present = await readdir(join(volumesRoot, namespace, workload), { withFileTypes: true }).catch(() => []);
      return [...new Set([...declared, ...present.filter((e) => e.isDirectory()).map((e) => e.name)])].sort();
    },
    async capture(ref, into) {
      const src = dirOf(ref);
      const st = await stat(src).catch(() => undefined);
      if (!st?.isDirectory()) return { volume: ref.volume, ok: false, bytes: 0, message: `volume folder ${src} does not exist` };
      await cp(src, into, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
      return { volume: ref.volume, ok: true, bytes: await sizeOf(into) };
    },
    async restore(from, target) {
      const dst = dirOf(target);
      await mkdir(dst, { recursive: true });
      await cp(from, dst, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, force: true });
      return { volume: target.volume, ok: true, bytes: await sizeOf(dst) };
    },
  };
}
