import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { TOKEN, untilAnswered } from './support';

const INVENTORY = 'http://localhost:7007/api/inventory';
const PROJECT = 'resource:default/gcp-project--k8s-artifacts-prod';
/** The demo's webhook secret (app-config.demo.yaml). */
const WEBHOOK_SECRET = 'demo-webhook-secret';
const WEBHOOK = 'http://localhost:7007/api/events/http/github';

test('a bad question is a 400 that names the parameter, as the OpenAPI document says', async ({
  request,
}) => {
  await untilAnswered(request, `${INVENTORY}/placement?entity=${PROJECT}`);
  const message = async (url: string) => {
    const res = await request.get(url, { headers: TOKEN });
    return `${res.status()} ${(await res.json()).error.message}`;
  };
  expect(await message(`${INVENTORY}/impact?entity=${PROJECT}&depth=01`)).toBe(
    "400 request/query/depth must be an integer written in decimal digits, not '01'",
  );
  expect(
    await message(
      `${INVENTORY}/ownership?q=ameukam&limit=99999999999999999999`,
    ),
  ).toBe('400 request/query/limit must be <= 5000');
  expect(await message(`${INVENTORY}/completeness?scope=entity`)).toBe(
    "400 request/query/key is required with scope=entity: the entity's ref",
  );
  const document = await request.get(`${INVENTORY}/openapi.json`, {
    headers: TOKEN,
  });
  expect((await document.json()).info.title).toBe('inventory');
});

test('a GitHub webhook is checked before its body is read', async ({
  request,
}) => {
  const post = (body: string, signature?: string) =>
    request.post(WEBHOOK, {
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        ...(signature ? { 'x-hub-signature-256': signature } : {}),
      },
      // Bytes, as GitHub sends them: Playwright would JSON-encode a string that is not JSON.
      data: Buffer.from(body),
    });
  const sign = (body: string) =>
    `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
  expect((await post('{"ref": ')).status()).toBe(401);
  expect((await post('{"ref": ', sign('{"ref": '))).status()).toBe(400);
});
