import { APIRequestContext, Page, expect } from '@playwright/test';

/** Guest sign-in, done once the start page greets the newcomer. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByText('Welcome to the Kubernetes infrastructure'),
  ).toBeVisible();
}

/** The demo's documented static token, as scripts send it. */
export const TOKEN = { Authorization: 'Bearer infra-atlas-demo-token' };

/** Waits until the backend answers `url` (200): the crawl or index the test needs is in. */
export async function untilAnswered(request: APIRequestContext, url: string) {
  await expect
    .poll(async () => (await request.get(url, { headers: TOKEN })).status(), {
      timeout: 150_000,
      intervals: [2_000],
    })
    .toBe(200);
}
