/*
 * GitHub's webhooks through the real events backend: the signature is checked before the body
 * is read, a signed body must be JSON, and a body over the events backend's limit is refused.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import eventsPlugin from '@backstage/plugin-events-backend';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import { createHmac } from 'node:crypto';
import { eventsModuleGithubWebhook } from './webhookIngress';

const SECRET = 'webhook-secret-for-tests';
const APP_SECRET = 'github-app-webhook-secret-for-tests';
const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('GitHub webhook ingress', () => {
  const published: EventParams[] = [];
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let url: string;
  const logs: string[] = [];

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        eventsPlugin,
        eventsModuleGithubWebhook,
        createBackendModule({
          pluginId: 'events',
          moduleId: 'test-listener',
          register(reg) {
            reg.registerInit({
              deps: { events: eventsServiceRef },
              async init({ events }) {
                await events.subscribe({
                  id: 'test-listener',
                  topics: ['github.push'],
                  onEvent: async event => {
                    published.push(event);
                  },
                });
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            events: { modules: { github: { webhookSecret: SECRET } } },
            integrations: {
              github: [
                {
                  host: 'github.com',
                  apps: [
                    {
                      appId: 1,
                      privateKey: 'unused',
                      clientId: 'c',
                      clientSecret: 'unused',
                      webhookSecret: APP_SECRET,
                    },
                  ],
                },
              ],
            },
          },
        }),
        mockServices.rootLogger.factory({ level: 'debug' }),
      ],
    });
    url = `http://localhost:${backend.server.port()}/api/events/http/github`;
    // The test backend's logger writes through the console.
    for (const level of ['log', 'debug', 'info', 'warn', 'error'] as const) {
      jest
        .spyOn(console, level)
        .mockImplementation((...args) => logs.push(args.join(' ')));
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await backend.stop();
  });

  const post = (body: string, signature?: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        ...(signature ? { 'x-hub-signature-256': signature } : {}),
      },
      body,
    });

  it('refuses a bad or missing signature with 401, before reading the body', async () => {
    const malformed = '{"ref": ';
    expect((await post(malformed)).status).toBe(401);
    expect((await post(malformed, sign(malformed, 'guessed'))).status).toBe(
      401,
    );
    const push = JSON.stringify({ ref: 'refs/heads/main' });
    expect((await post(push, sign(push, 'guessed'))).status).toBe(401);
  });

  it('refuses a signed body that is not JSON with 400', async () => {
    const malformed = '{"ref": ';
    const res = await post(malformed, sign(malformed));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'the body is not JSON' });
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(6 * 1024 * 1024) });
    expect((await post(huge, sign(huge))).status).toBe(413);
  });

  it('publishes a signed push as github.push', async () => {
    const push = JSON.stringify({ ref: 'refs/heads/main' });
    expect((await post(push, sign(push))).status).toBe(202);
    await new Promise(r => setTimeout(r, 200));
    expect(published.map(e => e.eventPayload)).toEqual([
      { ref: 'refs/heads/main' },
    ]);
    const fromApp = JSON.stringify({ ref: 'refs/heads/app' });
    expect((await post(fromApp, sign(fromApp, APP_SECRET))).status).toBe(202);
    const logged = logs.join('\n');
    expect(logged).toContain('GitHub webhook refused: invalid signature');
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(APP_SECRET);
  });
});
