/**
 * `kind: List` (and any `*List`, e.g. PodList from `kubectl get -o yaml`) wraps objects in `items`;
 * kubectl treats each item as its own object, and so do we. Items keep their own source positions.
 */
import { childDocument } from './loaded-document.js';
import type { LoadedDocument } from './loaded-document.js';

export function isListObject(value: unknown): value is { kind: string; items: unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items);
}

export function flattenLists(docs: LoadedDocument[]): LoadedDocument[] {
  const out: LoadedDocument[] = [];
  const visit = (doc: LoadedDocument): void => {
    if (!isListObject(doc.value)) {
      out.push(doc);
      return;
    }
    doc.value.items.forEach((item, i) => {
      if (item !== null && item !== undefined) visit(childDocument(doc, `/items/${i}`, item));
    });
  };
  docs.forEach(visit);
  return out;
}
