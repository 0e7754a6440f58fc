import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { actionsOver } from '../__testUtils__/actions';
import { createBillingAnswers } from '../billing/billingAnswers';
import {
  companyEntities,
  figuresOf,
  memoryFigures,
  spend,
} from '../billing/model/__testUtils__/estates';
import { registerBillingActions } from './billingActions';

const FIGURES = figuresOf(
  [
    spend('2026-10', 'data-warehouse', 'BigQuery', 600, -100),
    spend('2026-10', 'web-frontend', 'Compute Engine', 500),
    spend('2026-11', 'data-warehouse', 'BigQuery', 1000, -200),
    spend('2026-11', 'data-warehouse', 'Cloud Storage', 1234.5),
    spend('2026-11', 'shared-network', 'Networking', 300, -50),
    spend('2026-11', 'web-frontend', 'Compute Engine', 450),
  ],
  [
    ['2026-10', 'closed'],
    ['2026-11', 'open'],
  ],
);

/** The billing actions, asked by a caller whom the billing permission gives `result`. */
const actions = (
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) =>
  actionsOver(companyEntities(), ({ actionsRegistry, ask }) =>
    registerBillingActions({
      actionsRegistry,
      billing: createBillingAnswers({
        figures: memoryFigures(FIGURES),
        ask,
        permissions: mockServices.permissions.mock({
          authorize: async requests => requests.map(() => ({ result })),
        }),
        config: {
          sigs: { groupTypes: ['division'] },
          note: 'These figures are synthetic.',
        },
        now: () => new Date('2026-12-07T12:00:00Z'),
      }),
    }),
  );
const credentials = mockCredentials.user();

describe('billing actions', () => {
  it('answers "what does data-warehouse cost" by project ID', async () => {
    const { output } = await (
      await actions()
    ).invoke({
      id: 'test:what-does-it-cost',
      input: { entity: 'data-warehouse', months: 2 },
      credentials,
    });
    expect(output).toEqual({
      summary:
        '2026-11 (open): USD 2,034.50 net (cost USD 2,234.50, credits USD -200.00). The spend of project data-warehouse. These figures are synthetic.',
      months: [
        '2026-10 (closed): USD 500.00 net (cost USD 600.00, credits USD -100.00)',
        '2026-11 (open): USD 2,034.50 net (cost USD 2,234.50, credits USD -200.00)',
      ],
      services: [
        'Cloud Storage: USD 1,234.50 net (cost USD 1,234.50, credits USD 0.00)',
        'BigQuery: USD 800.00 net (cost USD 1,000.00, credits USD -200.00)',
      ],
      projects: [],
    });
  });

  it('answers "what does the web team cost", its shared project halved', async () => {
    const { output } = (await (
      await actions()
    ).invoke({
      id: 'test:what-does-it-cost',
      input: { entity: 'group:default/team-web' },
      credentials,
    })) as { output: { projects: string[]; months: string[] } };
    expect(output.projects).toEqual([
      'web-frontend: USD 450.00 net (cost USD 450.00, credits USD 0.00)',
      "shared-network: USD 125.00 net (cost USD 150.00, credits USD -25.00) [1/2 of shared-network's spend: the project is shared by 2 owners]",
    ]);
    expect(output.months).toHaveLength(12);
    expect(output.months[0]).toBe('2025-12: no data');
  });

  it('answers "what moved most this month", largest change first', async () => {
    const { output } = await (
      await actions()
    ).invoke({
      id: 'test:what-moved-most',
      input: {},
      credentials,
    });
    expect(output).toEqual({
      summary:
        '2026-11 (open): USD 2,734.50 net, +USD 1,734.50 from USD 1,000.00 in 2026-10. These figures are synthetic.',
      movers: [
        'data-warehouse (resource:default/gcp-project--data-warehouse): +USD 1,534.50, USD 500.00 → USD 2,034.50',
        'shared-network (resource:default/gcp-project--shared-network): +USD 250.00, USD 0.00 → USD 250.00',
        'web-frontend (resource:default/gcp-project--web-frontend): -USD 50.00, USD 500.00 → USD 450.00',
      ],
    });
  });

  it('refuses callers without inventory.billing.read', async () => {
    await expect(
      (
        await actions(AuthorizeResult.DENY)
      ).invoke({
        id: 'test:what-moved-most',
        input: { groupBy: 'sig' },
        credentials,
      }),
    ).rejects.toThrow('Billing figures need inventory.billing.read');
  });
});
