import { expect, test } from '@playwright/test';
import { TOKEN, untilAnswered } from './support';

/*
 * The demo's static token as scripts use it: its access restrictions (app-config.yaml) let it
 * read the inventory — with people, as the demo's policy lets everyone — the catalog and
 * search, and nothing else.
 */
const BACKEND = 'http://localhost:7007';
const ADMINS = 'group:default/k8s-infra-gcp-org-admins--kubernetes.io';

test('the demo token reads the inventory, people included', async ({
  request,
}) => {
  const url = `${BACKEND}/api/inventory/ownership?q=${ADMINS}`;
  await untilAnswered(request, url);
  const answer = await (await request.get(url, { headers: TOKEN })).json();
  expect(answer.redacted).toBe(false);
  expect(answer.members.length).toBeGreaterThan(0);
});

test('the demo token is refused by a plugin its restrictions leave out', async ({
  request,
}) => {
  const res = await request.get(`${BACKEND}/api/techdocs/static/docs/`, {
    headers: TOKEN,
  });
  expect([401, 403]).toContain(res.status());
});
