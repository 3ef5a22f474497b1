/** A KubeClient for unit tests: answers from a route table and records every call (no network). */
import { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, type KubeClient, type RequestOpts } from './kube-client.js';

export interface FakeCall {
  method: string;
  path: string;
  opts: RequestOpts;
}

export type FakeRoute = (method: string, path: string, opts: RequestOpts) => unknown;

export function createFakeClient(route: FakeRoute): KubeClient & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  return {
    kubeConfig: new KubeConfig(),
    server: 'https://fake.invalid',
    calls,
    async request<T>(method: string, path: string, opts: RequestOpts = {}): Promise<T> {
      calls.push({ method, path, opts });
      const out = route(method, path, opts);
      if (out === undefined) throw new KubeApiError(404, 'NotFound', `${method} ${path}: 404`);
      if (out instanceof Error) throw out;
      return out as T;
    },
  };
}
