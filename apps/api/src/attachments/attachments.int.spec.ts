import { TEST_ADMIN, type TestApi, startTestApi } from '../testing/start-test-api';
import { withOrganisationApi } from '../testing/organisation-fixture';

/** The first bytes of a real PNG: signature, IHDR of a 1×1 image, IEND. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
  'hex',
);

describe('attachments through the API', () => {
  const suite = withOrganisationApi();

  const upload = (
    token: string,
    owner: string,
    name: string,
    content: Buffer | string,
    type = 'application/octet-stream',
  ) => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }),
      name,
    );
    return fetch(`${suite.api.url}/api/attachments?${owner}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  };

  it('stores a file on a record with its sniffed type, lists it, and serves it only to who may read the record', async () => {
    const response = await upload(
      suite.admin,
      'ownerKind=assets&ownerCode=SN-ACME-1',
      'plate photo.png',
      PNG,
      'application/pdf',
    );
    expect(response.status).toBe(201);
    const info = await response.json();
    expect(info).toMatchObject({
      fileName: 'plate photo.png',
      contentType: 'image/png',
      size: PNG.length,
      ownerKind: 'asset',
      ownerId: 'SN-ACME-1',
    });
    const listed = await (
      await suite.api.call(
        'GET',
        '/api/attachments?ownerKind=assets&ownerCode=SN-ACME-1',
        suite.tokens.customerAcme,
      )
    ).json();
    expect(listed.map((item: { id: string }) => item.id)).toEqual([info.id]);

    const download = await suite.api.call('GET', `/api/attachments/${info.id}`, suite.tokens.customerAcme);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

    expect(
      (await suite.api.call('GET', `/api/attachments/${info.id}`, suite.tokens.customerBeta)).status,
    ).toBe(404);
    expect((await suite.api.call('GET', `/api/attachments/${info.id}`)).status).toBe(401);
    expect(
      (await suite.api.call('DELETE', `/api/attachments/${info.id}`, suite.tokens.customerAcme)).status,
    ).toBe(403);
  });

  it('refuses an executable however it is named, and a name that lies about the content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const renamed = await upload(suite.admin, 'ownerKind=assets&ownerCode=SN-ACME-1', 'manual.pdf', exe);
    expect(renamed.status).toBe(415);
    expect((await renamed.json()).errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'attachment_type_refused' }),
    ]);
    const lying = await upload(suite.admin, 'ownerKind=assets&ownerCode=SN-ACME-1', 'manual.pdf', PNG);
    expect(lying.status).toBe(415);
    const listed = await (
      await suite.api.call('GET', '/api/attachments?ownerKind=assets&ownerCode=SN-ACME-1', suite.admin)
    ).json();
    expect(listed).toHaveLength(1);
  });

  it('answers a missing file, an unknown owner kind and an out-of-scope owner clearly', async () => {
    const noFile = await fetch(`${suite.api.url}/api/attachments?ownerKind=assets&ownerCode=SN-ACME-1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${suite.admin}` },
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).errors).toEqual([expect.objectContaining({ field: 'file' })]);
    expect((await upload(suite.admin, 'ownerKind=planets&ownerCode=X', 'a.txt', 'hello')).status).toBe(400);
    expect(
      (await upload(suite.tokens.dispatcherMi, 'ownerKind=sites&ownerCode=S-BETA-1', 'a.txt', 'hello'))
        .status,
    ).toBe(404);
    expect(
      (
        await upload(
          suite.tokens.dispatcherMi,
          'ownerKind=sites&ownerCode=S-ACME-1',
          'access.txt',
          'Ring twice',
        )
      ).status,
    ).toBe(201);
  });
});

describe('attachment size limit', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi({ ATTACHMENT_MAX_BYTES: '2048' });
    admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    await api.call('POST', '/api/master-data/skills', admin, { code: 'GAS', name: 'Gas boilers' });
  });
  afterAll(() => api?.stop());

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413, and keeps nothing', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x'.repeat(3000)], { type: 'text/plain' }), 'notes.txt');
    const response = await fetch(`${api.url}/api/attachments?ownerKind=skills&ownerCode=GAS`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    expect(response.status).toBe(413);
    const listed = await (
      await api.call('GET', '/api/attachments?ownerKind=skills&ownerCode=GAS', admin)
    ).json();
    expect(listed).toEqual([]);
  });
});
