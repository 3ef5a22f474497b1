/**
 * Structural part of Kyverno's autogen (pkg/autogen/v1/rule.go generateRule): match/exclude kinds replaced
 * by the controllers, and patterns, patchStrategicMerge overlays and assertions nested under
 * `spec.<template key>` so that what was written for a Pod applies to the pod template.
 */
import type { JsonObject, MatchResources, ResourceFilter, Rule, Validation } from '../policy-types.js';
import { shiftReferences } from './shift-references.js';

export interface WrapSpec {
  name: string;
  /** `template` for Deployment & co., `jobTemplate` when wrapping a template rule for CronJob. */
  tplKey: 'template' | 'jobTemplate';
  /** Pattern path inserted into `$(...)` message references. */
  shift: string;
  kinds: string[];
  /** Which any/all filters get the new kinds. */
  retarget: (filter: ResourceFilter) => boolean;
}

const wrapIn = (tplKey: string, value: unknown): JsonObject => ({ spec: { [tplKey]: value } });
const clone = <T>(v: T): T => structuredClone(v);

/** Drops undefined members so that generated rules serialize like Kyverno's (omitempty). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function retargetBlock(block: MatchResources, w: WrapSpec, isExclude: boolean): MatchResources {
  const out = clone(block);
  const filters = out.any?.length ? out.any : out.all?.length ? out.all : undefined;
  if (filters) {
    for (const f of filters) if (w.retarget(f)) f.resources = { ...f.resources, kinds: [...w.kinds] };
  } else if (!isExclude || (out.resources?.kinds?.length ?? 0) > 0) {
    out.resources = { ...out.resources, kinds: [...w.kinds] };
  }
  return out;
}

function wrapMutation(mutate: JsonObject, tplKey: string): JsonObject | undefined {
  if (mutate.patchStrategicMerge != null) return { patchStrategicMerge: wrapIn(tplKey, mutate.patchStrategicMerge) };
  const foreach = mutate.foreach;
  if (!Array.isArray(foreach) || foreach.length === 0) return undefined;
  // Kyverno keeps list, context and preconditions of each entry and wraps its overlay (nested foreach is dropped).
  return {
    foreach: foreach.map((f: JsonObject) =>
      compact({ list: f.list, context: f.context, preconditions: f.preconditions, patchStrategicMerge: wrapIn(tplKey, f.patchStrategicMerge ?? null) }),
    ),
  };
}

function wrapAssert(tree: JsonObject, tplKey: string): JsonObject {
  const value = { ...tree };
  for (const node of ['object', 'oldObject']) {
    const v = tree[node];
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) value[node] = wrapIn(tplKey, { ...v });
  }
  return value;
}

function wrapValidation(v: Validation, w: WrapSpec): Validation | undefined {
  const common = { failureAction: v.failureAction, failureActionOverrides: v.failureActionOverrides, allowExistingViolations: v.allowExistingViolations };
  const msg = (pivot: string) => shiftReferences(v.message, w.shift, pivot);
  if (v.pattern != null) return compact({ message: msg('pattern'), ...common, pattern: wrapIn(w.tplKey, v.pattern) });
  if (v.deny != null) return compact({ message: msg('deny'), deny: v.deny, ...common });
  if (v.podSecurity != null) {
    const { level, version, exclude } = v.podSecurity as { level?: unknown; version?: unknown; exclude?: unknown[] };
    return compact({ message: msg('podSecurity'), podSecurity: compact({ level, version, exclude: [...(exclude ?? [])] }), ...common });
  }
  if (v.anyPattern != null) {
    const anyPattern = (Array.isArray(v.anyPattern) ? v.anyPattern : []).map((p) => wrapIn(w.tplKey, p));
    return compact({ message: msg('anyPattern'), ...common, anyPattern });
  }
  if (v.foreach?.length) return compact({ message: msg('pattern'), foreach: v.foreach, ...common });
  if (v.cel != null) return v;
  if (v.assert != null) return { ...v, assert: wrapAssert(v.assert, w.tplKey) };
  return undefined;
}

/** Kyverno's generateRule: the rewritten rule, or undefined when the rule has nothing autogen can carry over. */
export function wrapRule(source: Rule, w: WrapSpec): Rule | undefined {
  const rule = clone(source);
  rule.name = w.name;
  rule.match = retargetBlock(rule.match ?? {}, w, false);
  if (rule.exclude) rule.exclude = retargetBlock(rule.exclude, w, true);
  if (rule.mutate) {
    const mutate = wrapMutation(rule.mutate, w.tplKey);
    if (mutate) return { ...rule, mutate };
  }
  if (rule.validate) {
    const validate = wrapValidation(rule.validate, w);
    if (validate) return { ...rule, validate };
  }
  if (rule.verifyImages != null) return rule;
  return undefined;
}
