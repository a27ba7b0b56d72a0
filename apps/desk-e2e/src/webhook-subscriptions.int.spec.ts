import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FieldstreamCloudEvent, WebhookSubscriptionList } from '@fieldstream/api-contract';
import type { Locator, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { apiFromPage } from './harness/api-from-page';
import { type BrowserSession, openBrowserOnSystem } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { signIn } from './harness/sign-in';

/**
 * Integrations → Webhooks in real headless Chromium against the real system (api and worker,
 * started as users start them): an administrator makes a subscription on screen, reveals its
 * secret, pings it, and watches the delivery log live while events happen, the receiver goes down
 * and comes back. The receiver is this test's, verifying every call with the Standard Webhooks
 * reference library. Retries are made quick (a fifth of a second up to half of one) and failing
 * comes after a second, so that an outage fits in a test.
 */

let session: BrowserSession | undefined;
let page: Page;
let base: string;

/** An integrator's receiver: verifies signatures, de-duplicates by webhook-id, answers `status`. */
const receiver = {
  server: undefined as Server | undefined,
  port: 0,
  secret: '',
  status: 204,
  calls: [] as { id: string; status: number; verified: boolean; type: string }[],
  taken: new Map<string, FieldstreamCloudEvent>(),
  async start() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const id = String(request.headers['webhook-id']);
        let verified: boolean;
        try {
          new Webhook(this.secret).verify(body, {
            'webhook-id': id,
            'webhook-timestamp': String(request.headers['webhook-timestamp']),
            'webhook-signature': String(request.headers['webhook-signature']),
          });
          verified = true;
        } catch {
          verified = false;
        }
        const event = JSON.parse(body) as FieldstreamCloudEvent;
        this.calls.push({ id, status: this.status, verified, type: event.type });
        const ping = event.type === 'io.fieldstream.webhook.ping.v1';
        if (this.status < 300 && verified && !ping && !this.taken.has(id)) this.taken.set(id, event);
        response.writeHead(this.status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  },
  get url() {
    return `http://127.0.0.1:${this.port}/fieldstream`;
  },
  /** Events (not pings) answered 2xx, per id: a de-duplicating receiver takes the first. */
  successes(id: string) {
    return this.calls.filter((call) => call.id === id && call.status < 300).length;
  },
};

beforeAll(async () => {
  await receiver.start();
  session = await openBrowserOnSystem({
    locale: 'en-US',
    env: {
      NOTIFY_ALLOW_HTTP_ENDPOINTS: 'true',
      WEBHOOK_RETRY_INITIAL_MS: '200',
      WEBHOOK_RETRY_MAX_MS: '500',
      WEBHOOK_FAILING_AFTER_MS: '1000',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_LEASE_MS: '3000',
    },
  });
  page = session.page;
  await page.setViewportSize({ width: 1360, height: 1000 });
  base = session.target.url;
  await page.goto(`${base}/login`);
  await signIn(page);
});

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => (receiver.server ? receiver.server.close(resolve) : resolve(undefined)));
});

async function registerSkill(code: string): Promise<void> {
  const answer = await apiFromPage(page, 'POST', '/api/master-data/skills', { code, name: `Skill ${code}` });
  if (answer.status !== 201)
    throw new Error(`skill ${code}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  for (const deadline = Date.now() + timeoutMs; ;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const logRows = (outcome: string): Locator =>
  page.locator(`[data-testid="webhook-log"] tr[data-outcome="${outcome}"]`);
const notice = () => page.getByTestId('webhook-notice');

describe('webhooks in a real browser against the real system', () => {
  it('1. makes a subscription from Integrations → Webhooks, reveals its secret and pings it', async () => {
    await page.goto(`${base}/app`);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('group', { name: 'Integrations' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByTestId('webhooks-empty').waitFor();
    await page.getByRole('button', { name: 'New subscription' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook subscription' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Skills to the HR system');
    await dialog.getByRole('textbox', { name: /^Target URL/ }).fill(receiver.url);
    await dialog.getByRole('checkbox', { name: 'Master data' }).check();
    await expectNoSeriousA11yViolations(page, 'new webhook dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skills to the HR system' }).waitFor();
    await notice().getByText('Subscription made').waitFor();

    const secretPanel = page.getByRole('region', { name: 'Signing secret' });
    await secretPanel.getByRole('button', { name: 'Reveal the secret' }).click();
    await secretPanel.getByRole('button', { name: 'Hide the secret' }).waitFor();
    receiver.secret = (await secretPanel.getByTestId('webhook-secret').textContent()) ?? '';
    expect(receiver.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    await page
      .getByRole('group', { name: 'Actions' })
      .getByRole('button', { name: 'Send a test ping' })
      .click();
    await notice()
      .getByText(/^Test ping delivered: the receiver answered 204 in \d+ ms\.$/)
      .waitFor();
    expect(receiver.calls).toEqual([
      { id: expect.any(String), status: 204, verified: true, type: 'io.fieldstream.webhook.ping.v1' },
    ]);
    await page.locator('[data-testid="webhook-log"] tr[data-outcome="delivered"]').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'webhook detail');
  });

  it('2. shows deliveries live, through an outage the receiver is caught up after, each event once', async () => {
    const delivered = logRows('delivered');
    const before = await delivered.count();
    for (const code of ['WH-A', 'WH-B', 'WH-C']) await registerSkill(code);
    // The log on screen follows without a reload.
    await until(async () => (await delivered.count()) >= before + 3, 'three deliveries in the log');
    expect(receiver.taken.size).toBe(3);

    // Down: every call answered 503 while more records are made.
    receiver.status = 503;
    for (const code of ['WH-D', 'WH-E']) await registerSkill(code);
    await logRows('failed').first().waitFor({ timeout: 20_000 });
    await page.getByText('Failing', { exact: true }).waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'webhooks-failing');
    await expectNoSeriousA11yViolations(page, 'webhook failing');

    // Back: everything arrives, nothing twice.
    receiver.status = 204;
    await until(() => receiver.taken.size === 5, 'the five events after the outage');
    await page.getByText('Active', { exact: true }).waitFor({ timeout: 20_000 });
    for (const id of receiver.taken.keys()) expect(receiver.successes(id)).toBe(1);
    expect([...receiver.taken.values()].map((event) => event.type)).toEqual(
      Array(5).fill('io.fieldstream.skill.registered.v1'),
    );
    expect(receiver.calls.every((call) => call.verified)).toBe(true);
    const events = page.getByRole('region', { name: 'Deliveries' });
    await events.getByText('Up to date').waitFor();
  });

  it('3. pauses, resumes, and replays from a position with the same ids', async () => {
    const actions = page.getByRole('group', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Pause' }).click();
    await notice().getByText('Deliveries paused').waitFor();
    await registerSkill('WH-F');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await page.getByRole('region', { name: 'Deliveries' }).getByText('1 event').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.taken.size).toBe(5);
    await actions.getByRole('button', { name: 'Resume' }).click();
    await until(() => receiver.taken.size === 6, 'the event of the pause');

    const first = [...receiver.taken.values()][0]!;
    await actions.getByRole('button', { name: 'Replay from a position' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replay from a position' });
    await dialog.getByRole('textbox', { name: /^From position/ }).fill(first.position);
    await dialog.getByRole('button', { name: 'Replay' }).click();
    await notice().getByText(`the events from position ${first.position} are being sent again`).waitFor();
    await until(
      () => [...receiver.taken.keys()].every((id) => receiver.successes(id) === 2),
      'every event sent again, under its own id',
    );
    expect(receiver.taken.size).toBe(6);
    const listed = await apiFromPage(page, 'GET', '/api/webhook-subscriptions');
    expect((listed.body as WebhookSubscriptionList).subscriptions).toEqual([
      expect.objectContaining({ name: 'Skills to the HR system', status: 'active', failing: null }),
    ]);
    await saveScreenshot(page, 'webhooks-detail');
  });
});
