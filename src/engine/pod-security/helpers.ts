/**
 * Helpers shared by the checks, mirroring policy/helpers.go, visitor.go and violations.go of
 * k8s.io/pod-security-admission so that messages come out word for word.
 */
import type { FieldError, Obj } from './types.js';

export const pluralize = (singular: string, plural: string, count: number): string => (count === 1 ? singular : plural);

/** `"a", "b"` (joinQuote). */
export const joinQuote = (items: readonly string[]): string => (items.length === 0 ? '' : `"${items.join('", "')}"`);

/** sets.NewString(...).List(): unique and sorted (Go compares bytes, as does JS's default sort). */
export const sortedSet = (items: Iterable<string>): string[] => [...new Set(items)].sort();

export function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A Go pointer field that is set (present and not null); JSON `{}` counts as set. */
export const isSet = (v: unknown): boolean => v !== undefined && v !== null;

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface VisitedContainer {
  container: Obj;
  name: string;
  /** `spec.containers[0]` */
  path: string;
}

/** visitContainers: init containers, then containers, then ephemeral containers (visitor.go). */
export function visitContainers(spec: Obj, visit: (c: VisitedContainer) => void): void {
  for (const key of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    list(spec[key]).forEach((c, i) => {
      const container = obj(c) ?? {};
      visit({ container, name: str(container.name), path: `spec.${key}[${i}]` });
    });
  }
}

export const securityContext = (o: Obj | undefined): Obj | undefined => obj(o?.securityContext);

export const forbidden = (field: string, badValue: FieldError['badValue'] = ''): FieldError => ({ type: 'Forbidden', field, badValue });
export const required = (field: string): FieldError => ({ type: 'Required', field, badValue: '' });

/** Violations (violations.go): the names that make up the detail and the field errors behind them. */
export class Violations {
  readonly data: string[] = [];
  readonly errs: FieldError[] = [];
  add(item: string, ...errs: FieldError[]): void {
    this.data.push(item);
    this.errs.push(...errs);
  }
  get empty(): boolean {
    return this.data.length === 0;
  }
  get len(): number {
    return this.data.length;
  }
}

export const allowed = { allowed: true } as const;

export function denied(reason: string, detail: string, errList: FieldError[]) {
  return { allowed: false as const, forbiddenReason: reason, forbiddenDetail: detail, errList };
}
