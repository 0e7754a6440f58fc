/*
 * The billing routes over the real plugin: a billing source (in memory) read by the store's
 * scheduled refresh into SQLite, the spend model over the inventory's ownership, the OpenAPI
 * validation, and the permission.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  addMonths,
  BillingReport,
  EntityCost,
  invoiceMonthOf,
} from '@infra-atlas/inventory-common';
import { startInventoryBackend } from '../__testUtils__/backend';
import { companyEntities, spend } from '../billing/model/__testUtils__/estates';

/** Two months ago (closed) and last month: figures that stay valid whenever the test runs. */
const LAST = addMonths(invoiceMonthOf(new Date()), -1);
const BEFORE = addMonths(LAST, -1);
const ROWS = [
  spend(BEFORE, 'data-warehouse', 'BigQuery', 600, -100),
  spend(BEFORE, 'web-frontend', 'Compute Engine', 500),
  spend(LAST, 'data-warehouse', 'BigQuery', 1000, -200),
  spend(LAST, 'shared-network', 'Networking', 300, -50),
  spend(LAST, 'web-frontend', 'Compute Engine', 500),
  spend(LAST, 'sandbox', 'Compute Engine', 40),
  spend(LAST, '', 'Support', 100),
];
const DENIED = 'user:default/outsider';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('GET /billing and /billing/entity', () => {
  let inventory: Awaited<ReturnType<typeof startInventoryBackend>>;

  beforeAll(async () => {
    inventory = await startInventoryBackend({
      entities: companyEntities(),
      billing: {
        rows: ROWS,
        config: {
          sigs: { groupTypes: ['division'] },
          note: 'These figures are made up for the test.',
        },
        denied: [DENIED],
      },
    });
    // The store's first refresh runs at start-up, beside the index build.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { status, body } = await inventory.get('billing');
      if (status === 200 && body.month === LAST) break;
      if (Date.now() > deadline) {
        throw new Error(
          `no billing figures: ${status} ${JSON.stringify(body)}`,
        );
      }
      await new Promise(r => setTimeout(r, 200));
    }
  });
  afterAll(() => inventory.stop());

  it('breaks the latest month down by owner, every row adding up to the total', async () => {
    const { status, body } = await inventory.get('billing?groupBy=owner');
    expect(status).toBe(200);
    const report = body as BillingReport;
    expect(report).toMatchObject({
      currency: 'USD',
      groupBy: 'owner',
      month: LAST,
      previousMonth: BEFORE,
      total: { cost: 1940, credits: -250, net: 1690 },
      previousTotal: { cost: 1100, credits: -100, net: 1000 },
      note: 'These figures are made up for the test.',
      freshness: { bytesProcessed: expect.any(Number) },
    });
    expect(sum(report.rows.map(r => r.net))).toBeCloseTo(report.total.net, 6);
    expect(report.rows.map(r => [r.title, r.net])).toEqual([
      ['team-data', 925],
      ['Web team', 625],
      ['Unowned', 140],
    ]);
    expect(report.months.at(-1)).toMatchObject({ month: LAST, net: 1690 });
  });

  it('breaks it down by SIG through the configured group types', async () => {
    const { body } = await inventory.get(`billing?groupBy=sig&month=${LAST}`);
    expect((body as BillingReport).rows.map(r => [r.key, r.net])).toEqual([
      ['group:default/division-data', 925],
      ['group:default/division-web', 625],
      ['unattributed', 140],
    ]);
  });

  it('refuses an unknown breakdown or a malformed month with a 400 naming the parameter', async () => {
    for (const [query, parameter] of [
      ['groupBy=team', 'request/query/groupBy'],
      ['month=2026-13', 'request/query/month'],
      ['from=2026-1', 'request/query/from'],
      ['to=last', 'request/query/to'],
    ]) {
      const { status, body } = await inventory.get(`billing?${query}`);
      expect({ query, status }).toEqual({ query, status: 400 });
      expect(body.error.message).toContain(parameter);
    }
    const { status, body } = await inventory.get(
      'billing?from=2026-06&to=2026-01',
    );
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'request/query/from must not be after request/query/to (2026-06 > 2026-01)',
    );
  });

  it('refuses callers without inventory.billing.read', async () => {
    for (const path of [
      'billing',
      'billing/entity?entityRef=group:default/team-web',
    ]) {
      const { status, body } = await inventory.get(
        path,
        mockCredentials.user.header(DENIED),
      );
      expect({ path, status }).toEqual({ path, status: 403 });
      expect(body.error.message).toBe(
        'Billing figures need inventory.billing.read',
      );
    }
  });

  it('gives a group’s, a project’s (by ID) and a System’s cost', async () => {
    const group = await inventory.get(
      'billing/entity?entityRef=group:default/team-web&months=2',
    );
    expect(group.status).toBe(200);
    expect(group.body as EntityCost).toMatchObject({
      entityRef: 'group:default/team-web',
      groupBy: 'owner',
      months: [
        { month: BEFORE, net: 500 },
        { month: LAST, net: 625 },
      ],
      topProjects: [{ key: 'web-frontend' }, { key: 'shared-network' }],
    });
    const project = await inventory.get(
      'billing/entity?entityRef=data-warehouse',
    );
    expect(project.body).toMatchObject({
      entityRef: 'resource:default/gcp-project--data-warehouse',
      groupBy: 'project',
      topServices: [{ service: 'BigQuery', net: 800 }],
    });
    expect(project.body.months).toHaveLength(12);
    const system = await inventory.get(
      'billing/entity?entityRef=system:default/analytics',
    );
    expect(system.body.months.at(-1).net).toBe(800 + 125);
  });

  it('says what cannot be costed: an unknown entity (404), one spend is not attributed to (400)', async () => {
    const unknown = await inventory.get(
      'billing/entity?entityRef=group:default/nobody',
    );
    expect(unknown.status).toBe(404);
    const component = await inventory.get(
      'billing/entity?entityRef=component:default/checkout',
    );
    expect(component.status).toBe(400);
    expect(component.body.error.message).toMatch(
      /^request\/query\/entityRef must be a GCP project, a group or a System/,
    );
  });
});

describe('billing routes without a billing module', () => {
  it('answers 404, saying billing is not configured', async () => {
    const inventory = await startInventoryBackend({
      entities: companyEntities(),
    });
    try {
      for (const path of ['billing', 'billing/entity?entityRef=sandbox']) {
        const { status, body } = await inventory.get(path);
        expect({ path, status }).toEqual({ path, status: 404 });
        expect(body.error.message).toMatch(/^Billing is not configured/);
      }
    } finally {
      await inventory.stop();
    }
  });
});
