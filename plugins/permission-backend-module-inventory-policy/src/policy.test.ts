import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  inventoryBillingReadPermission,
  inventoryPersonalDetailsReadPermission,
} from '@infra-atlas/inventory-common';
import { InventoryPolicy, readInventoryPolicyOptions } from './policy';

const LEADS = 'group:default/sig-k8s-infra-leads';

function policyWith(permissions: object) {
  return new InventoryPolicy(
    readInventoryPolicyOptions(
      new ConfigReader({ infraAtlas: { permissions } }),
    ),
  );
}

const user = (ref: string, groups: string[] = []) => ({
  credentials: mockCredentials.user(ref),
  info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
});

describe('InventoryPolicy', () => {
  const policy = policyWith({
    personalDetails: { allowGroups: ['Group:default/SIG-K8S-INFRA-LEADS'] },
  });

  it('gives personal details to members of the configured groups only', async () => {
    const ask = (who: ReturnType<typeof user> | undefined) =>
      policy.handle(
        { permission: inventoryPersonalDetailsReadPermission },
        who,
      );
    expect((await ask(user('user:default/lead', [LEADS]))).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(
      (await ask(user('user:default/alice', ['group:default/platform'])))
        .result,
    ).toBe(AuthorizeResult.DENY);
    expect((await ask(undefined)).result).toBe(AuthorizeResult.DENY);
  });

  it('hides people named by address in the catalog from everyone else, and only them', async () => {
    const read = { permission: catalogEntityReadPermission };
    expect(
      (await policy.handle(read, user('user:default/lead', [LEADS]))).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(await policy.handle(read, user('user:default/alice'))).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        not: {
          allOf: [
            expect.objectContaining({
              rule: 'IS_ENTITY_KIND',
              params: { kinds: ['User'] },
            }),
            expect.objectContaining({
              rule: 'HAS_SPEC',
              params: { key: 'profile.email' },
            }),
          ],
        },
      },
    });
  });

  it('lets owners alone read the owners-only kinds, and allows the rest', async () => {
    const ownersOnly = policyWith({
      personalDetails: { hidePeopleInCatalog: false },
      catalog: { ownersOnlyKinds: ['Resource'] },
    });
    const decision = await ownersOnly.handle(
      { permission: catalogEntityReadPermission },
      user('user:default/alice', ['group:default/platform']),
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        anyOf: [
          { not: { rule: 'IS_ENTITY_KIND', params: { kinds: ['Resource'] } } },
          {
            rule: 'IS_ENTITY_OWNER',
            params: {
              claims: ['user:default/alice', 'group:default/platform'],
            },
          },
        ],
      },
    });
    const other = createPermission({
      name: 'catalog.entity.refresh',
      attributes: {},
    });
    expect(
      (await ownersOnly.handle({ permission: other }, user('user:default/x')))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    // Without configuration: people hidden, nothing else.
    const defaults = policyWith({});
    expect(
      (
        await defaults.handle(
          { permission: catalogEntityReadPermission },
          user('user:default/x'),
        )
      ).result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });

  it('gives billing figures to members of their own groups only, apart from personal details', async () => {
    const billing = policyWith({
      personalDetails: { allowGroups: [LEADS] },
      billing: {
        allowGroups: ['group:default/Treasurers', 'user:development/guest'],
      },
    });
    const ask = (who: ReturnType<typeof user> | undefined) =>
      billing.handle({ permission: inventoryBillingReadPermission }, who);
    expect(
      (await ask(user('user:default/bob', ['group:default/treasurers'])))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    expect((await ask(user('user:development/guest'))).result).toBe(
      AuthorizeResult.ALLOW,
    );
    // Seeing people does not open the books, nor the reverse.
    expect((await ask(user('user:default/lead', [LEADS]))).result).toBe(
      AuthorizeResult.DENY,
    );
    expect(
      (
        await billing.handle(
          { permission: inventoryPersonalDetailsReadPermission },
          user('user:default/bob', ['group:default/treasurers']),
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect((await ask(undefined)).result).toBe(AuthorizeResult.DENY);
    // Without configuration: nobody.
    expect(
      (
        await policyWith({}).handle(
          { permission: inventoryBillingReadPermission },
          user('user:default/bob', ['group:default/treasurers']),
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
  });
});
