import { expect, test } from '@playwright/test';
import { signInAsGuest, untilAnswered } from './support';

const PROJECT = 'resource:default/gcp-project--k8s-artifacts-prod';
const GCSWEB_APP = 'k8s-app--kubernetes-public--us-central1--aaa--gcsweb';

test.use({ viewport: { width: 1280, height: 1000 } });

test('the project page says which group grants access, which file to change, and when its data was crawled', async ({
  page,
  request,
}) => {
  await untilAnswered(
    request,
    `http://localhost:7007/api/inventory/access?entity=${PROJECT}`,
  );
  await signInAsGuest(page);
  await page.goto('/catalog/default/resource/gcp-project--k8s-artifacts-prod');

  // Where the data comes from, above the answers: the demo's snapshot and the GCP crawl.
  const provenance = page.getByRole('note', {
    name: 'Where this data comes from',
  });
  await expect(provenance).toContainText('Demo data: a snapshot');
  await expect(provenance).toContainText(/From GCP: crawled .+ ago/);

  // How to get access, on the first screen: the project's own group first, with its file.
  const heading = page.getByText('How to get access', { exact: true });
  await expect(heading).toBeVisible();
  expect((await heading.boundingBox())!.y).toBeLessThan(1000);
  const groups = page.getByRole('list', { name: 'Groups that grant access' });
  const first = groups.getByRole('listitem').first();
  await expect(first).toContainText('k8s-infra-artifact-admins@kubernetes.io');
  await expect(first).toContainText(
    'Send a pull request adding your address to k8s-infra-artifact-admins@kubernetes.io in groups/sig-k8s-infra/groups.yaml',
  );
  await expect(
    first.getByRole('link', { name: /^groups\/sig-k8s-infra\/groups\.yaml/ }),
  ).toHaveAttribute(
    'href',
    'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml#L405',
  );
  await expect(first).toContainText('Approved by');
  // The organization's admins grant access too, but wider: folded below the narrow ones.
  await expect(page.getByText(/^\d+ more groups?$/)).toBeVisible();
  await page.screenshot({
    path: 'test-results/browser/entity-how-to-get-access-k8s-artifacts-prod.png',
  });
});

test('the gcsweb page names its namespace group and the file that declares the app', async ({
  page,
  request,
}) => {
  await untilAnswered(
    request,
    `http://localhost:7007/api/inventory/access?entity=component:default/${GCSWEB_APP}`,
  );
  await signInAsGuest(page);
  await page.goto(`/catalog/default/component/${GCSWEB_APP}`);

  await expect(
    page.getByRole('note', { name: 'Where this data comes from' }),
  ).toContainText(/Declared in apps\/gcsweb.*read from GitHub: crawled .+ ago/);
  const groups = page.getByRole('list', { name: 'Groups that grant access' });
  await expect(groups).toContainText('k8s-infra-rbac-gcsweb@kubernetes.io');
  await expect(groups).toContainText('access group of');
  await expect(groups).toContainText('groups/sig-testing/groups.yaml');
});
