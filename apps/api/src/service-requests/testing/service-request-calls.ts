import type { OpenServiceRequestBody, ServiceRequestDetail } from '@fieldstream/api-contract';
import type { TestApi } from '../../testing/start-test-api';

/** An opening at ACME's Milan site, on its boiler: the request the suites walk. */
export const ACME_BOILER_FAULT: OpenServiceRequestBody = {
  customerCode: 'ACME',
  siteCode: 'S-ACME-1',
  assetCode: 'SN-ACME-1',
  description: 'The boiler does not start; error E04 on the display.',
  priority: 'high',
};

/** Opens a request and answers it, failing loudly when the API refuses. */
export async function openRequest(
  api: TestApi,
  token: string,
  body: OpenServiceRequestBody = ACME_BOILER_FAULT,
  headers: Record<string, string> = {},
): Promise<ServiceRequestDetail> {
  const response = await api.call('POST', '/api/service-requests', token, body, headers);
  if (response.status !== 201) throw new Error(`open: ${response.status} ${await response.text()}`);
  return (await response.json()) as ServiceRequestDetail;
}

/** A command on a request that must succeed; answers the request as it stands after it. */
export async function act(
  api: TestApi,
  token: string,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ServiceRequestDetail> {
  const response = await api.call(method, `/api/service-requests/${path}`, token, body, headers);
  if (response.status !== 200)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as ServiceRequestDetail;
}

/** GET as JSON, failing loudly on anything but 200. */
export async function getJson<T>(
  api: TestApi,
  token: string,
  path: string,
  headers?: Record<string, string>,
): Promise<T> {
  const response = await api.call('GET', path, token, undefined, headers);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
