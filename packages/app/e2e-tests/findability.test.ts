import { Page, expect, test } from '@playwright/test';
import { TOKEN, signInAsGuest, untilAnswered } from './support';

const API = 'http://localhost:7007/api';

/**
 * What an internal name looks like on screen: parts joined by `--` (`ameukam--gmail.com`,
 * `gcp-project--k8s-infra-prow`), a hash suffix, or a full entity ref.
 */
const INTERNAL_NAME =
  /[a-z0-9][a-z0-9.]*(?:-[a-z0-9.]+)*--[a-z0-9][a-z0-9._-]*|\S*_[0-9a-f]{16}\b|\b(?:user|group|resource|component|system|domain):default\/\S+/gi;

/** The page's text once every card has answered (no progress bar left). */
async function answeredText(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('progressbar')).toHaveCount(0, {
    timeout: 30_000,
  });
  return page.locator('main, [class*="BackstagePage"]').first().innerText();
}

test.describe('a newcomer finds any resource by any of its identifiers', () => {
  /** The term, and the page its first search result opens. */
  const identifiers: Array<[term: string, first: RegExp]> = [
    ['k8s-artifacts-prod', /\/resource\/gcp-project--k8s-artifacts-prod$/],
    ['388270116193', /\/resource\/gcp-project--k8s-artifacts-prod$/],
    ['registry.k8s.io', /\/system\//],
    ['gcsweb.k8s.io', /\/system\/gcsweb$/],
    // Two staging projects promote a kube-apiserver image (the second as
    // registry.k8s.io/experimental/kube-apiserver); the full reference names one.
    ['kube-apiserver', /\/resource\/registry-promotion--k8s-staging-/],
    [
      'registry.k8s.io/kube-apiserver',
      /\/resource\/registry-promotion--k8s-staging-kubernetes$/,
    ],
    ['ameukam', /\/user\/ameukam$/],
    [
      'k8s-infra-gcp-org-admins@kubernetes.io',
      /\/group\/k8s-infra-gcp-org-admins--kubernetes\.io$/,
    ],
    ['aaa', /\/resource\/gke-cluster--kubernetes-public--us-central1--aaa$/],
  ];

  test('search lists the thing an identifier names first', async ({
    page,
    request,
  }) => {
    // The catalog fills for minutes after start-up and the demo indexes it every 2 minutes:
    // wait until the index holds every entity asked for (the API answers as the page will),
    // then read the page as a newcomer does.
    test.setTimeout(600_000);
    const firstLocation = async (term: string) => {
      const res = await request.get(
        `${API}/search/query?term=${encodeURIComponent(term)}`,
        { headers: TOKEN },
      );
      return res.ok()
        ? (await res.json()).results[0]?.document?.location ?? ''
        : '';
    };
    await expect
      .poll(
        async () => {
          const misplaced: string[] = [];
          for (const [term, first] of identifiers) {
            if (!first.test(await firstLocation(term))) misplaced.push(term);
          }
          return misplaced;
        },
        { timeout: 360_000, intervals: [5_000] },
      )
      .toEqual([]);

    await signInAsGuest(page);
    for (const [term, first] of identifiers) {
      await page.goto(`/search?query=${encodeURIComponent(term)}`);
      const firstResult = page
        .getByRole('article')
        .locator('a[href*="/catalog/default/"]')
        .first();
      await expect(firstResult, term).toHaveAttribute('href', first);
      // The result is titled as people read it, never by its entity name.
      expect(await firstResult.innerText(), term).not.toMatch(INTERNAL_NAME);
    }
    await page.goto('/search?query=kube-apiserver');
    await expect(
      page
        .getByRole('article')
        .locator('a[href*="registry-promotion"]')
        .first(),
    ).toBeVisible();
    await page.screenshot({
      path: 'test-results/browser/search-kube-apiserver.png',
    });
  });
});

test.describe('the main pages show human names only', () => {
  test.use({ viewport: { width: 1280, height: 1000 } });

  const pages = [
    '/',
    '/catalog/default/resource/gcp-project--k8s-artifacts-prod',
    '/catalog/default/resource/gcs-bucket--k8s-artifacts-prod',
    '/catalog/default/resource/gke-cluster--kubernetes-public--us-central1--aaa',
    '/catalog/default/component/k8s-app--kubernetes-public--us-central1--aaa--gcsweb',
    '/catalog/default/system/gcsweb',
    '/catalog/default/group/sig-k8s-infra',
    '/catalog/default/group/k8s-infra-oci-proxy-admins--kubernetes.io',
    '/catalog/default/user/ameukam',
    '/catalog/default/user/ameukam--gmail.com',
    '/inventory/ownership?q=ameukam',
  ];

  test('no page shows an encoded, hashed or raw entity name', async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    // Both crawls are in once the inventory places gcsweb and knows the project.
    await untilAnswered(
      request,
      `${API}/inventory/placement?entity=component:default/k8s-app--kubernetes-public--us-central1--aaa--gcsweb`,
    );
    await untilAnswered(
      request,
      `${API}/inventory/administrators?entity=resource:default/gcp-project--k8s-artifacts-prod`,
    );
    await signInAsGuest(page);
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(path);
      const names = (await answeredText(page)).match(INTERNAL_NAME) ?? [];
      if (names.length) found[path] = [...new Set(names)].slice(0, 10);
    }
    expect(found).toEqual({});
  });
});

test.describe('a group or person page says who they are', () => {
  test.use({ viewport: { width: 1280, height: 1000 } });

  test("a Google Group's page says how to join it, and a person's that two users are one person", async ({
    page,
    request,
  }) => {
    await untilAnswered(
      request,
      `${API}/inventory/ownership?q=${encodeURIComponent(
        'group:default/k8s-infra-oci-proxy-admins--kubernetes.io',
      )}`,
    );
    await signInAsGuest(page);
    await page.goto(
      '/catalog/default/group/k8s-infra-oci-proxy-admins--kubernetes.io',
    );
    const about = page
      .getByText('About this group', { exact: true })
      .locator('xpath=ancestor::*[contains(@class, "MuiCard-root")][1]');
    await expect(about.getByText('How to join:')).toBeVisible();
    await expect(
      about.getByRole('link', { name: /^groups\/sig-k8s-infra\/groups\.yaml/ }),
    ).toHaveAttribute('href', /groups\/sig-k8s-infra\/groups\.yaml#L\d+$/);
    await page.screenshot({
      path: 'test-results/browser/entity-group-about.png',
    });

    await page.goto('/catalog/default/user/ameukam--gmail.com');
    await expect(page.getByText(/The same person as/)).toContainText(
      'Arnaud Meukam',
    );
    // What a person holds is in About this person, not in an empty stock Ownership card.
    await expect(page.getByText('Ownership', { exact: true })).toHaveCount(0);
  });
});
