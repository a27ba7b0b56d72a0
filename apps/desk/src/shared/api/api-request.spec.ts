import { loginResponseSchema } from '@fieldstream/api-contract';
import { routeFetchTo } from '../../testing/route-fetch-to';
import { sendJson, startHttpStub, type HttpStub } from '../../testing/start-http-stub';
import { ApiProblemError } from './api-problem-error';
import { apiRequest } from './api-request';
import { InvalidResponseError } from './invalid-response-error';
import { NetworkError } from './network-error';

const LOGIN_ANSWER = {
  token: 'abc',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { id: 'u1', username: 'anna', displayName: 'Anna', role: 'admin', binding: {}, language: 'en' },
};

let stub: HttpStub;
let restore: () => void;

beforeAll(async () => {
  stub = await startHttpStub((request, response) => {
    if (request.url === '/ok') return sendJson(response, 200, LOGIN_ANSWER);
    if (request.url === '/empty') {
      response.writeHead(204);
      return response.end();
    }
    if (request.url === '/conflict') {
      return sendJson(
        response,
        409,
        { title: 'Conflict', status: 409, detail: 'revision 3 expected, 4 found' },
        'application/problem+json',
      );
    }
    return sendJson(response, 200, { something: 'else' });
  });
  restore = routeFetchTo(stub.url);
});

afterAll(async () => {
  restore();
  await stub.stop();
});

describe('apiRequest', () => {
  it('sends JSON with the bearer token and returns the validated body', async () => {
    await expect(
      apiRequest('/ok', { method: 'POST', body: { a: 1 }, token: 'T', schema: loginResponseSchema }),
    ).resolves.toEqual(LOGIN_ANSWER);
    const request = stub.requests.at(-1);
    expect(request?.headers['authorization']).toBe('Bearer T');
    expect(request?.headers['accept']).toContain('application/problem+json');
    expect(request?.body).toBe('{"a":1}');
  });

  it('returns undefined for an empty answer', async () => {
    await expect(apiRequest('/empty', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('throws a typed problem for a problem+json answer', async () => {
    const error = await apiRequest('/conflict').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect(error).toMatchObject({
      status: 409,
      title: 'Conflict',
      detail: 'revision 3 expected, 4 found',
      isClientError: true,
    });
  });

  it('throws InvalidResponseError naming the field when a 2xx body breaks the schema', async () => {
    const error = await apiRequest('/other', { schema: loginResponseSchema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('token');
  });

  it('throws NetworkError when nothing answers', async () => {
    const gone = await startHttpStub(() => undefined);
    await gone.stop();
    const error = await apiRequest(`${gone.url}/anything`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });
});
