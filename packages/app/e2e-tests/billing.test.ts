import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { TOKEN, signInAsGuest, untilAnswered } from './support';

const BILLING = 'http://localhost:7007/api/inventory/billing';

test.use({ viewport: { width: 1280, height: 1000 } });

test.beforeEach(async ({ page, request }) => {
  // The billing store is filled from the export some seconds after start-up.
  await untilAnswered(request, `${BILLING}?groupBy=sig`);
  await signInAsGuest(page);
});

/** Rows of fields of a CSV text, undoing RFC 4180's quoting (quotes doubled inside). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [[]];
  const field = /"((?:[^"]|"")*)"|([^,\r\n]*)/y;
  for (let at = 0; at < text.length; ) {
    field.lastIndex = at;
    const match = field.exec(text)!;
    rows[rows.length - 1].push(
      match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2],
    );
    at = field.lastIndex;
    if (text[at] === ',') at += 1;
    else if (text.startsWith('\r\n', at)) {
      at += 2;
      if (at < text.length) rows.push([]);
    }
  }
  return rows;
}

/** A month as the page names it: `November 2024`. */
const monthName = (month: string) =>
  new Intl.DateTimeFormat('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

test('a newcomer opens the billing report, reads the month against the last, downloads the SIGs and reads what a project costs', async ({
  page,
  request,
}) => {
  const report = await (
    await request.get(`${BILLING}?groupBy=sig`, { headers: TOKEN })
  ).json();
  const month = monthName(report.month);

  // From the start page's map to the report.
  await page
    .getByRole('list', { name: 'The map' })
    .getByRole('link', { name: 'Billing' })
    .click();
  await expect(page).toHaveURL(/\/inventory\/billing$/);

  // The answer first: the month's net against the previous month, and the budget.
  const headline = page.getByRole('region', { name: 'Headline' });
  const net = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: report.currency,
    maximumFractionDigits: 0,
  }).format(report.total.net);
  await expect(headline).toContainText(`${month}: ${net} net, `);
  await expect(headline).toContainText(
    ` on ${monthName(report.previousMonth)}`,
  );
  await expect(headline).toContainText(/Projected \$[\d.]+[KM]? of /);
  // The demo's figures are synthetic, and the page says so before them.
  await expect(
    page.getByRole('note', { name: 'Where these figures come from' }),
  ).toContainText('synthetic');
  await page.screenshot({
    path: 'test-results/browser/billing-report.png',
    fullPage: true,
  });

  // Another breakdown, then by SIG, with the spend no SIG accounts for as its own row.
  await page.getByRole('tab', { name: 'By Service' }).click();
  await expect(
    page.getByRole('table', { name: `Spend by Service, ${month}` }),
  ).toBeVisible();
  // The CSV is the answer the page shows: read that answer, not the one asked at the start —
  // an index build in between may have attributed more projects to SIGs.
  const shownAnswer = page.waitForResponse(response => {
    const url = new URL(response.url());
    return (
      url.pathname.endsWith('/api/inventory/billing') &&
      url.searchParams.get('groupBy') === 'sig' &&
      response.ok()
    );
  });
  await page.getByRole('tab', { name: 'By SIG' }).click();
  const shown = await (await shownAnswer).json();
  const bySig = page.getByRole('table', { name: `Spend by SIG, ${month}` });
  await expect(bySig).toBeVisible();
  await expect(bySig.getByRole('row', { name: /^No SIG/ })).toBeVisible();

  // Its CSV: a header with the currency, a line per row, adding up to the month's total.
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('button', { name: `Download CSV: Spend by SIG, ${month}` })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    `billing-${report.month}-by-sig.csv`,
  );
  const [header, ...rows] = csvRows(
    await readFile(await download.path(), 'utf8'),
  );
  const netColumn = header.indexOf(`Net ${report.month} (${report.currency})`);
  expect(netColumn).toBe(1);
  expect(rows).toHaveLength(shown.rows.length);
  expect(rows.map(row => row[0])).toContain('No SIG');
  const sum = rows.reduce((total, row) => total + Number(row[netColumn]), 0);
  expect(sum).toBeCloseTo(shown.total.net, 2);

  // The largest project, and what it costs on its own page.
  await page.getByRole('tab', { name: 'By Project' }).click();
  const byProject = page.getByRole('table', {
    name: `Spend by Project, ${month}`,
  });
  // The largest with a page (charges tied to no project have none).
  const largest = byProject.locator('tbody tr').getByRole('link').first();
  const project = await largest.innerText();
  await largest.click();
  await expect(page.getByRole('heading', { name: project })).toBeVisible();
  await expect(page.getByText('What it costs', { exact: true })).toBeVisible();
  await expect(
    page.getByText(new RegExp(`^${month}: \\$[\\d,]+ net`)),
  ).toBeVisible();
  const card = page
    .getByRole('link', { name: 'See it in the billing report' })
    .first();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: 'test-results/browser/billing-what-it-costs.png',
  });
  // Back to the report, its row marked.
  await card.click();
  await expect(page.getByText(/marked in the table below\.$/)).toContainText(
    `${project}: `,
  );
});

test('the report reads at 768 px, tables scrolling within their cards', async ({
  page,
}) => {
  await page.setViewportSize({ width: 768, height: 1000 });
  await page.goto('/inventory/billing');
  await expect(page.getByRole('region', { name: 'Headline' })).toBeVisible();
  // Nothing makes the page scroll sideways.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({
    path: 'test-results/browser/billing-report-768.png',
    fullPage: true,
  });
});
