import { Page, expect, test } from '@playwright/test';
import { TOKEN, signInAsGuest } from './support';

const SERVICE_ACCOUNTS =
  '/catalog?filters[kind]=resource&filters[type]=gcp-service-account&filters[user]=all';

/** Waits until the GCP crawl has put the service accounts in. */
async function untilServiceAccountsCrawled(page: Page) {
  await expect
    .poll(
      async () => {
        const res = await page.request.get(
          'http://localhost:7007/api/catalog/entities/by-query?filter=kind=resource,spec.type=gcp-service-account&limit=1',
          { headers: TOKEN },
        );
        return res.ok() ? (await res.json()).totalItems > 0 : false;
      },
      { timeout: 150_000, intervals: [2_000] },
    )
    .toBe(true);
}

/** How far the page, or the list's table, reaches past the right edge of the window. */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    page:
      document.documentElement.scrollWidth -
      document.documentElement.clientWidth,
    table: Math.max(
      0,
      Math.round(
        document.querySelector('table')!.getBoundingClientRect().right -
          window.innerWidth,
      ),
    ),
  }));

test('the service accounts list tells identical titles apart by project, with readable names', async ({
  page,
}) => {
  await untilServiceAccountsCrawled(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAsGuest(page);
  await page.goto(SERVICE_ACCOUNTS);

  const table = page.getByRole('table');
  await expect(
    table.getByRole('columnheader', { name: 'Project' }),
  ).toBeVisible();
  const defaults = table
    .getByRole('row')
    .filter({ hasText: 'Compute Engine default service account' });
  await expect(defaults.first()).toBeVisible();
  // Each default account's row names its project (a project ID, not empty).
  const projects = await defaults.evaluateAll(rows =>
    rows.map(row => row.querySelectorAll('td')[1]?.textContent ?? ''),
  );
  expect(projects.every(p => /^[a-z][a-z0-9-]+$/.test(p))).toBe(true);
  expect(new Set(projects).size).toBe(projects.length);

  // The name wraps between words: about 190 px wide, not 60.
  const name = await table
    .getByRole('link', { name: 'Compute Engine default service account' })
    .first()
    .evaluate(link => link.closest('td')!.getBoundingClientRect().width);
  expect(name).toBeGreaterThanOrEqual(180);
});

test('at 768 px the list fits the window, the sidebar is collapsed and the filters are in a drawer', async ({
  page,
}) => {
  await untilServiceAccountsCrawled(page);
  await page.setViewportSize({ width: 768, height: 900 });
  await signInAsGuest(page);

  for (const type of ['gcp-service-account', 'gcs-bucket']) {
    await page.goto(
      `/catalog?filters[kind]=resource&filters[type]=${type}&filters[user]=all`,
    );
    await expect(page.getByRole('row').nth(3)).toBeVisible();
    expect(await overflow(page)).toEqual({ page: 0, table: 0 });
  }

  // The sidebar shows its icons only: 72 px, not 224 (its drawer is what has a width).
  const sidebar = await page
    .getByTestId('sidebar-root')
    .evaluate(nav =>
      Math.max(
        ...[...nav.querySelectorAll('*')].map(
          element => element.getBoundingClientRect().right,
        ),
      ),
    );
  expect(sidebar).toBeLessThanOrEqual(72);

  // The filters wait behind a button, in a drawer.
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByText('Kind', { exact: true })).toBeVisible();
});
