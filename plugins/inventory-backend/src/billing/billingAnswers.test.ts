import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
} from '@backstage/plugin-permission-common';
import { createAsk } from '../service/answers';
import { indexOver } from '../__testUtils__/actions';
import { createBillingAnswers } from './billingAnswers';
import {
  companyEntities,
  figuresOf,
  memoryFigures,
  spend,
} from './model/__testUtils__/estates';

const HIDDEN = 'group:default/team-web';

/** Answers over the company estate for a caller the catalog does not show the web team. */
async function answersForOutsider() {
  const entities = companyEntities();
  const index = await indexOver(catalogServiceMock({ entities }));
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    // Some entities only, as a policy's conditions say: the catalog decides which.
    authorizeConditional: async requests =>
      requests.map(
        (): ConditionalPolicyDecision => ({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_KIND',
            resourceType: 'catalog-entity',
            params: { kinds: ['Group'] },
          },
        }),
      ),
  });
  const catalog = catalogServiceMock({
    entities: entities.filter(e => e.metadata.name !== 'team-web'),
  });
  return createBillingAnswers({
    figures: memoryFigures(
      figuresOf(
        [
          spend('2026-10', 'web-frontend', 'Compute Engine', 400),
          spend('2026-11', 'data-warehouse', 'BigQuery', 1000, -200),
          spend('2026-11', 'shared-network', 'Networking', 300, -50),
          spend('2026-11', 'web-frontend', 'Compute Engine', 500),
        ],
        [
          ['2026-10', 'closed'],
          ['2026-11', 'closed'],
        ],
      ),
    ),
    ask: createAsk(index, { permissions, catalog }),
    permissions,
    config: { sigs: { groupTypes: ['division'] } },
    now: () => new Date('2026-12-07T12:00:00Z'),
  });
}

describe('billing answers for a caller who may not read every entity', () => {
  it('folds the rows about entities they may not read into one, so the rows still add up', async () => {
    const answers = await answersForOutsider();
    const report = await answers.report(mockCredentials.user(), {
      groupBy: 'owner',
    });
    expect(report.rows).toEqual([
      expect.objectContaining({ key: 'group:default/team-data', net: 925 }),
      {
        key: 'not-readable',
        title: 'Entities you may not read',
        cost: 650,
        credits: -25,
        net: 625,
        previousNet: 400,
        change: 225,
        note: 'Spend of 1 entity the catalog does not show you',
      },
    ]);
    expect(report.total.net).toBe(1550);
    expect(report.movers.map(m => m.key)).not.toContain(HIDDEN);
    expect(JSON.stringify(report)).not.toContain('Web team');
  });

  it('answers 404 for the cost of an entity they may not read, as for one that does not exist', async () => {
    const answers = await answersForOutsider();
    await expect(
      answers.entityCost(mockCredentials.user(), HIDDEN),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
