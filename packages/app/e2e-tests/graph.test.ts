import { expect, test } from '@playwright/test';
import { signInAsGuest, untilAnswered } from './support';

const AAA = 'resource:default/gke-cluster--kubernetes-public--us-central1--aaa';

test.use({ viewport: { width: 1280, height: 1000 } });

test.beforeEach(async ({ page, request }) => {
  // The inventory indexes the crawled catalog a few seconds after start-up.
  await untilAnswered(
    request,
    `http://localhost:7007/api/inventory/graph?entity=${AAA}&mode=focused`,
  );
  await signInAsGuest(page);
});

const GRAPH_OF_AAA = `/inventory/graph?entity=${encodeURIComponent(AAA)}`;

test('a newcomer reads the graph of cluster aaa: zooms, finds a node, moves by keyboard and opens one', async ({
  page,
}) => {
  // One navigation entry for graphs.
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Dependencies' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Catalog Graph' })).toHaveCount(0);

  await page.goto(GRAPH_OF_AAA);
  // The focused default: what aaa needs and what needs it, named by titles.
  await expect(page.getByLabel('Show', { exact: true })).toContainText(
    'What it needs and what needs it',
  );
  await expect(page.getByLabel('Focus entity')).toHaveValue('aaa');
  const summary = page.getByText(/\d+ entities and \d+ relations around/);
  await expect(summary).toBeVisible();
  const count = Number(/(\d+) entities/.exec(await summary.innerText())?.[1]);
  // "Everything around it" draws well over a hundred; the default stays focused.
  expect(count).toBeLessThan(100);
  const picture = page.getByRole('application', {
    name: /Graph of \d+ entities around aaa/,
  });
  await expect(picture).toHaveAttribute('data-render-ms', /\d+/);

  // Zoom in, out, fit and reset from the buttons.
  for (const name of [
    'Zoom in',
    'Zoom out',
    'Fit the whole graph',
    'Reset the view',
  ]) {
    await page.getByRole('button', { name }).click();
  }

  // Search within the graph: the namespace prow is selected and said in words.
  await page.getByLabel('Find in this graph', { exact: true }).fill('prow');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.getByText(/^Selected: prow \(/)).toBeVisible();
  await page.screenshot({
    path: 'test-results/browser/inventory-graph-aaa.png',
  });

  // The keyboard: into the picture, + zooms, an arrow selects the focus, another moves on.
  await picture.focus();
  await page.keyboard.press('0');
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowDown');
  const selected = page.getByText(/^Selected: /);
  const first = await selected.innerText();
  await page.keyboard.press('ArrowDown');
  await expect(selected).not.toHaveText(first);
  const moved = /^Selected: (.+?) \(/.exec(await selected.innerText())?.[1];
  expect(moved).toBeTruthy();

  // Enter opens the selected entity's page.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/catalog\/default\//);
  await expect(page.getByRole('heading', { name: moved })).toBeVisible();
});

test('the same graph as a list, with links', async ({ page }) => {
  await page.goto(GRAPH_OF_AAA);
  await page.getByRole('tab', { name: /List \(\d+\)/ }).click();
  const table = page.getByRole('table', {
    name: 'Entities around aaa, nearest first',
  });
  await expect(table.getByRole('row').nth(1)).toContainText('aaa');
  await expect(
    table.getByRole('link', { name: 'kubernetes-public' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/view=list/);
});
