/**
 * Leader election on a coordination.k8s.io/v1 Lease, as client-go's leaderelection does it: the holder
 * renews `renewTime` every `retryPeriod`; another replica takes over once `renewTime + leaseDuration` has
 * passed. Writes carry the Lease's resourceVersion, so two replicas racing for it get one 409 Conflict.
 * Defaults are client-go's (15 s lease, 2 s retry). Only the leader runs background scans.
 */
import { isConflict, isNotFound, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';

export interface LeaderElectionOptions {
  client: KubeClient;
  namespace: string;
  name: string;
  identity: string;
  leaseDurationSeconds?: number;
  retryPeriodMs?: number;
  now?: () => Date;
  onChange?: (leading: boolean) => void;
  onError?: (err: unknown) => void;
}

export interface LeaderElector {
  /** One attempt to acquire or renew (the timer calls it); resolves to whether we lead. */
  tryAcquire(): Promise<boolean>;
  isLeader(): boolean;
  start(): void;
  stop(): void;
}

interface Lease {
  metadata?: { resourceVersion?: string };
  spec?: { holderIdentity?: string; leaseDurationSeconds?: number; renewTime?: string; acquireTime?: string; leaseTransitions?: number };
}

const LEASES = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' };

export function createLeaderElector(opts: LeaderElectionOptions): LeaderElector {
  const now = opts.now ?? (() => new Date());
  const duration = opts.leaseDurationSeconds ?? 15;
  let leading = false;
  let timer: NodeJS.Timeout | undefined;
  const set = (v: boolean): void => {
    if (v !== leading) {
      leading = v;
      opts.onChange?.(v);
    }
  };

  async function tryAcquire(): Promise<boolean> {
    const path = resourcePath(LEASES, opts.namespace, opts.name);
    let lease: Lease | undefined;
    try {
      lease = await opts.client.request<Lease>('GET', path, { timeoutMs: 5000 });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const t = now();
    // MicroTime: RFC 3339 with microseconds (metav1.MicroTime).
    const stamp = t.toISOString().replace('Z', '000Z');
    const spec = lease?.spec ?? {};
    const mine = spec.holderIdentity === opts.identity;
    const expired = !spec.renewTime || Date.parse(spec.renewTime) + (spec.leaseDurationSeconds ?? duration) * 1000 < t.getTime();
    if (lease && !mine && !expired) return false;
    const next = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: opts.name, namespace: opts.namespace, ...(lease?.metadata?.resourceVersion ? { resourceVersion: lease.metadata.resourceVersion } : {}) },
      spec: {
        holderIdentity: opts.identity,
        leaseDurationSeconds: duration,
        acquireTime: mine && spec.acquireTime ? spec.acquireTime : stamp,
        renewTime: stamp,
        leaseTransitions: (spec.leaseTransitions ?? 0) + (lease && !mine ? 1 : 0),
      },
    };
    try {
      if (lease) await opts.client.request('PUT', path, { body: next, timeoutMs: 5000 });
      else await opts.client.request('POST', resourcePath(LEASES, opts.namespace), { body: next, timeoutMs: 5000 });
      return true;
    } catch (err) {
      if (isConflict(err)) return false; // another replica wrote first
      throw err;
    }
  }

  const tick = async (): Promise<void> => {
    try {
      set(await tryAcquire());
    } catch (err) {
      // Cannot reach the API server: a leader that cannot renew must assume it lost the lease.
      set(false);
      opts.onError?.(err);
    }
  };

  return {
    tryAcquire,
    isLeader: () => leading,
    start() {
      void tick();
      timer ??= setInterval(() => void tick(), opts.retryPeriodMs ?? 2000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      set(false);
    },
  };
}
