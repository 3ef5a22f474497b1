/**
 * What the Secret certificate source needs from the cluster, as an interface so src/certs never imports
 * the Kubernetes client (src/k8s implements it: createSecretStore).
 */
export interface SecretStore {
  /** The Secret's data, base64-decoded; undefined when it does not exist. */
  get(namespace: string, name: string): Promise<Record<string, string> | undefined>;
  /** Creates the Secret; 'exists' when another writer created it first (HTTP 409 AlreadyExists). */
  create(namespace: string, name: string, data: Record<string, string>, type?: string): Promise<'created' | 'exists'>;
}

/** Keys of the CA Secret (a kubernetes.io/tls Secret holding the CA pair, plus ca.crt like cert-manager). */
export const CA_SECRET_KEYS = { cert: 'tls.crt', key: 'tls.key', ca: 'ca.crt' } as const;
