/*
 * UI benchmark: the inventory's dependency graph next to the stock catalog-graph page, and
 * the explorer, in Debian's Chromium against the running demo (`scripts/demo.sh`).
 *
 *   yarn workspace app bench:ui [--base http://localhost:3000] [--focus <entity ref>]
 *
 * For each graph it prints the time from opening the page to the first drawn frame,
 * how many nodes were drawn, and the frame rate while the view is dragged for three seconds
 * (checked: a drag that did not move the picture is reported as such, not as a frame rate). Chromium runs
 * headless with software rendering (no GPU here), so absolute numbers are a floor.
 */
/* eslint-disable no-console -- a benchmark prints its table */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values: args } = parseArgs({
  options: { base: { type: 'string' }, focus: { type: 'string' } },
});
const base = args.base ?? 'http://localhost:3000';
const focus = args.focus ?? 'resource:default/gcp-project--kubernetes-public';
const TIMEOUT_MS = 120_000;

/**
 * Counts animation frames while the mouse drags across `box` for `ms` milliseconds. Returns
 * undefined when the picture did not move, so a drag that pans nothing is not a frame rate.
 */
async function panFps(page, box, ms = 3000) {
  const before = await page.screenshot({ clip: box });
  await page.evaluate(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => {
      if (!window.__counting) return;
      window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Start on the background near a corner: a drag that starts on a node moves the node.
  const cx = box.x + box.width * 0.08;
  const cy = box.y + box.height * 0.08;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < ms) {
    const angle = step++ / 10;
    await page.mouse.move(
      cx + (1 + Math.cos(angle)) * box.width * 0.2,
      cy + (1 + Math.sin(angle)) * box.height * 0.2,
    );
  }
  await page.mouse.up();
  const elapsed = Date.now() - started;
  const frames = await page.evaluate(() => {
    window.__counting = false;
    return window.__frames;
  });
  const after = await page.screenshot({ clip: box });
  return before.equals(after) ? undefined : (frames * 1000) / elapsed;
}

/**
 * Opens a page of the app with a fresh load, so no measurement inherits the last one's memory
 * or pending work; the app's own start-up (the same for every page) is part of each time.
 */
async function open(page, path) {
  const started = Date.now();
  await page.goto(`${base}${path}`);
  return started;
}

async function inventoryGraph(page, depth, maxNodes) {
  const path = `/inventory/graph?entity=${encodeURIComponent(
    focus,
  )}&mode=neighbourhood&depth=${depth}&maxNodes=${maxNodes}&cluster=none`;
  const started = await open(page, path);
  const canvas = page.locator('[data-testid=inventory-graph-canvas]');
  await canvas.and(page.locator('[data-render-ms]')).waitFor({
    timeout: TIMEOUT_MS,
  });
  const firstRender = Date.now() - started;
  const drawMs = Number(await canvas.getAttribute('data-render-ms'));
  const label = await canvas.getAttribute('aria-label');
  const nodes = Number(/of (\d+) entities/.exec(label)?.[1]);
  const fps = await panFps(page, await canvas.boundingBox());
  return { nodes, firstRender, drawMs, fps };
}

async function stockGraph(page, depth) {
  const path = `/catalog-graph?rootEntityRefs%5B%5D=${encodeURIComponent(
    focus,
  )}&maxDepth=${depth}`;
  const started = await open(page, path);
  const nodes = page.locator('[data-testid=node]');
  try {
    // The stock graph fetches level by level and redraws: wait until the count settles.
    let count = 0;
    let settledAt = Date.now();
    for (;;) {
      if (Date.now() - started > TIMEOUT_MS) throw new Error('timeout');
      const now = await nodes.count();
      if (now !== count) {
        count = now;
        settledAt = Date.now();
      } else if (count > 0 && Date.now() - settledAt > 5000) break;
      await page.waitForTimeout(200);
    }
    const firstRender = settledAt - started;
    const svg = page.locator('svg:has([data-testid=node])').first();
    const box = await svg.boundingBox();
    // The stock graph enables zoom and pan on click, and only pans once zoomed in (it starts
    // fitted to the view at its smallest scale).
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(500);
    const fps = await panFps(page, box);
    return { nodes: count, firstRender, drawMs: undefined, fps };
  } catch {
    return {
      nodes: await nodes.count(),
      firstRender: undefined,
      fps: undefined,
    };
  }
}

/**
 * The explorer: the whole estate's tree, then a filter that matches every bucket (3,000+ in
 * the demo), opened page by page until every match is on screen.
 */
async function explorer(page) {
  let started = await open(page, '/inventory/explorer');
  await page.getByRole('treeitem').first().waitFor({ timeout: TIMEOUT_MS });
  const tree = Date.now() - started;

  started = await open(page, '/inventory/explorer?type=gcs-bucket');
  const items = page.getByRole('treeitem');
  await items.first().waitFor({ timeout: TIMEOUT_MS });
  const filtered = Date.now() - started;
  const more = page.getByRole('button', { name: /^Show .* more/ });
  while (await more.count()) await more.first().click();
  const all = Date.now() - started;
  return { tree, filtered, all, rows: await items.count() };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  await page.goto(base);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByText('Welcome to the Kubernetes infrastructure')
    .first()
    .waitFor({ timeout: TIMEOUT_MS });

  const rows = [];
  const format = value =>
    value === undefined || Number.isNaN(value)
      ? '—'
      : String(Math.round(value));
  for (const [depth, maxNodes] of [
    [1, 500],
    [2, 500],
    [3, 2000],
    [3, 5000],
  ]) {
    const ours = await inventoryGraph(page, depth, maxNodes);
    rows.push(['inventory graph', depth, maxNodes, ours]);
  }
  for (const depth of [1, 2, 3]) {
    rows.push([
      'stock catalog-graph',
      depth,
      '—',
      await stockGraph(page, depth),
    ]);
  }
  console.log(`focus: ${focus}`);
  console.log(
    '| page | depth | node limit | nodes drawn | first render (ms) | canvas draw (ms) | FPS while panning |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, depth, limit, r] of rows) {
    console.log(
      `| ${name} | ${depth} | ${limit} | ${r.nodes} | ${
        r.firstRender === undefined
          ? `not within ${TIMEOUT_MS / 1000} s`
          : format(r.firstRender)
      } | ${format(r.drawMs)} | ${format(r.fps)} |`,
    );
  }
  const tree = await explorer(page);
  console.log('\n| explorer | ms |');
  console.log('| --- | ---: |');
  console.log(`| whole estate, first rows | ${tree.tree} |`);
  console.log(`| filtered to buckets, first rows | ${tree.filtered} |`);
  console.log(
    `| filtered to buckets, all ${tree.rows} rows on screen | ${tree.all} |`,
  );
} finally {
  await browser.close();
}
