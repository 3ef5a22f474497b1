/**
 * Lists the existing resources a set of policies matches (for background scans): kinds from the rules,
 * resolved to resources by the built-in table and discovery, listed in pages of 500 (the API server's
 * recommended chunking, https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks).
 * `*` kinds are not scanned (every object in the cluster); Kyverno's background scan skips them too.
 * CEL handlers are listed by their documents' resourceRules (cel-targets.ts).
 */
import type { CompiledPolicy, JsonObject, PolicyKindHandler } from '../../engine/index.js';
import { parseKindSelector } from '../../engine/match/index.js';
import { discoverAll } from '../client/discovery.js';
import type { KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { BUILTIN_KINDS } from '../webhooks/builtin-kinds.js';
import { celListTargets } from './cel-targets.js';

const PAGE = 500;

export function createResourceLister(
  client: KubeClient,
  documents: () => readonly Record<string, unknown>[] = () => [],
): (policies: readonly CompiledPolicy[], handlers?: readonly PolicyKindHandler[]) => Promise<JsonObject[]> {
  return async (policies, handlers = []) => {
    const selectors = policies.flatMap((p) =>
      p.rules.filter((r) => r.kind === 'validate').flatMap((r) => {
        const m = r.rule.match;
        return [...(m?.any ?? []), ...(m?.all ?? []), ...(m?.resources ? [{ resources: m.resources }] : [])].flatMap((f) => f.resources?.kinds ?? []);
      }),
    );
    const wanted = new Map<string, { group: string; version: string; resource: string; kind: string }>();
    let discovered: Awaited<ReturnType<typeof discoverAll>> | undefined;
    for (const sel of selectors.map(parseKindSelector)) {
      if (sel.kind === '' || sel.kind.includes('*') || sel.subresource !== '') continue;
      let found = BUILTIN_KINDS.filter((k) => k.kind === sel.kind && (sel.group === '*' || k.group === sel.group)).map((k) => ({ ...k }));
      if (!found.length) {
        discovered ??= await discoverAll(client).catch(() => []);
        found = discovered.filter((r) => r.kind === sel.kind && (sel.group === '*' || r.group === sel.group)).map((r) => ({ ...r, resource: r.name }));
      }
      for (const f of found) wanted.set(`${f.group}/${f.resource}`, { group: f.group, version: f.version, resource: f.resource, kind: f.kind });
    }
    if (handlers.length) {
      discovered ??= await discoverAll(client).catch(() => []);
      for (const t of celListTargets(handlers, documents(), discovered)) wanted.set(`${t.group}/${t.resource}`, t);
    }
    const out: JsonObject[] = [];
    for (const w of wanted.values()) {
      const apiVersion = w.group ? `${w.group}/${w.version}` : w.version;
      let token: string | undefined;
      do {
        const q = `?limit=${PAGE}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
        const list = await client.request<{ items?: JsonObject[]; metadata?: { continue?: string } }>('GET', resourcePath(w) + q);
        // List items of built-in kinds come without apiVersion/kind.
        for (const item of list.items ?? []) out.push({ apiVersion, kind: w.kind, ...item });
        token = list.metadata?.continue || undefined;
      } while (token);
    }
    return out;
  };
}
