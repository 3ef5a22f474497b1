/**
 * Allocation-free walking for the pass predicates: the same containers, in the same order, as
 * helpers.ts visitContainers, with no path strings, closures or result objects.
 */
import { obj } from '../helpers.js';
import type { Obj } from '../types.js';

/** A pass predicate: true exactly when the check it mirrors returns `allowed` for this pod. */
export type Passes = (spec: Obj, metadata: Obj) => boolean;

/** What visitContainers hands a check for an entry that is not an object. */
export const EMPTY: Obj = Object.freeze({}) as Obj;

function everyIn(l: unknown, ok: (container: Obj) => boolean): boolean {
  if (!Array.isArray(l)) return true;
  for (let i = 0; i < l.length; i++) if (!ok(obj(l[i]) ?? EMPTY)) return false;
  return true;
}

/** `ok` holds for every init, regular and ephemeral container. Pass a module-level function, not a closure. */
export function everyContainer(spec: Obj, ok: (container: Obj) => boolean): boolean {
  return everyIn(spec.initContainers, ok) && everyIn(spec.containers, ok) && everyIn(spec.ephemeralContainers, ok);
}

/** `obj(o.securityContext)` */
export const sc = (o: Obj): Obj | undefined => obj(o.securityContext);

/** pod.spec.os.name=windows (privilege.ts isWindowsPod). */
export const isWindows = (spec: Obj): boolean => obj(spec.os)?.name === 'windows';
