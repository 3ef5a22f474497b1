import { request } from 'node:https';

export interface HttpsResult {
  status: number;
  body: string;
}

/**
 * GET over HTTPS for readiness probes. The harness's servers present self-signed certificates made at
 * start, so verification is off here; kubectl and the API server verify with the real CA.
 */
export async function httpsGet(url: string, token?: string, timeoutMs = 2000): Promise<HttpsResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'GET', rejectUnauthorized: false, timeout: timeoutMs, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
