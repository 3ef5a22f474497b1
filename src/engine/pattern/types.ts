/**
 * The result of matching one pattern. `path` is an RFC 6901 pointer into the resource: the failing element
 * for fail (Kyverno prints it as `/spec/containers/0/image/`, see kyvernoPath), '' where Kyverno reports
 * no path (skip and error).
 */
export type PatternOutcome =
  | { status: 'pass' }
  | { status: 'fail'; path: string; message: string }
  | { status: 'skip'; path: string; message: string }
  | { status: 'error'; path: string; message: string };
