import { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  inventoryBillingReadPermission,
  inventoryPersonalDetailsReadPermission,
} from '@infra-atlas/inventory-common';

/** What `infraAtlas.permissions` says. */
export type InventoryPolicyOptions = {
  /** Groups (or users) whose members see personal details; lower-cased refs. */
  personalDetailsGroups: string[];
  /** Whether people named by e-mail address are hidden in the catalog from everyone else. */
  hidePeopleInCatalog: boolean;
  /** Kinds whose entities only their owners (and the groups above) read. */
  ownersOnlyKinds: string[];
  /** Groups (or users) whose members read billing figures; lower-cased refs. */
  billingGroups: string[];
};

/** Reads `infraAtlas.permissions`; refs are compared lower-cased, as Backstage spells them. */
export function readInventoryPolicyOptions(
  config: Config,
): InventoryPolicyOptions {
  const section = config.getOptionalConfig('infraAtlas.permissions');
  return {
    personalDetailsGroups: (
      section?.getOptionalStringArray('personalDetails.allowGroups') ?? []
    ).map(ref => ref.toLowerCase()),
    hidePeopleInCatalog:
      section?.getOptionalBoolean('personalDetails.hidePeopleInCatalog') ??
      true,
    ownersOnlyKinds:
      section?.getOptionalStringArray('catalog.ownersOnlyKinds') ?? [],
    billingGroups: (
      section?.getOptionalStringArray('billing.allowGroups') ?? []
    ).map(ref => ref.toLowerCase()),
  };
}

const decision = (allowed: boolean): PolicyDecision => ({
  result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
});

/**
 * A person named by e-mail address: a User whose profile has an address (Google Group
 * members, IAM principals). People known by their GitHub login have none; groups are public.
 */
const PERSON_BY_ADDRESS: PermissionCriteria<
  PermissionCondition<'catalog-entity'>
> = {
  allOf: [
    catalogConditions.isEntityKind({ kinds: ['User'] }),
    catalogConditions.hasSpec({ key: 'profile.email' }),
  ],
};

/**
 * The production policy. Personal details, and billing figures, are each for their configured
 * groups only. Everyone else sees inventory answers without people's addresses, and — unless `hidePeopleInCatalog` is
 * off — does not read people named by address in the catalog either (its pages, its API,
 * search, and with them the inventory), so the catalog does not hand out what the inventory
 * withholds. The configured owners-only kinds are read by their owners only. These are
 * conditional decisions the catalog applies, and with it the inventory. Everything else is
 * allowed: Infra Atlas only reads. Service callers never reach a policy: the permission
 * framework decides for them from their token's access restrictions
 * (`backend.auth.externalAccess[].accessRestrictions`).
 */
export class InventoryPolicy implements PermissionPolicy {
  constructor(private readonly options: InventoryPolicyOptions) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user?.info.ownershipEntityRefs ?? [];
    const memberOf = (groups: string[]) =>
      claims.some(ref => groups.includes(ref.toLowerCase()));
    const trusted = memberOf(this.options.personalDetailsGroups);
    if (
      isPermission(request.permission, inventoryPersonalDetailsReadPermission)
    ) {
      return decision(trusted);
    }
    if (isPermission(request.permission, inventoryBillingReadPermission)) {
      return decision(memberOf(this.options.billingGroups));
    }
    if (
      !trusted &&
      isPermission(request.permission, catalogEntityReadPermission)
    ) {
      const [first, ...more] = this.catalogReadRules(claims);
      if (first) {
        return createCatalogConditionalDecision(
          request.permission,
          more.length ? { allOf: [first, ...more] } : first,
        );
      }
    }
    return decision(true);
  }

  /** What a caller without personal details may read in the catalog; empty for everything. */
  private catalogReadRules(claims: string[]) {
    const rules: PermissionCriteria<PermissionCondition<'catalog-entity'>>[] =
      [];
    if (this.options.hidePeopleInCatalog) {
      rules.push({ not: PERSON_BY_ADDRESS });
    }
    if (this.options.ownersOnlyKinds.length) {
      rules.push({
        anyOf: [
          {
            not: catalogConditions.isEntityKind({
              kinds: this.options.ownersOnlyKinds,
            }),
          },
          catalogConditions.isEntityOwner({ claims }),
        ],
      });
    }
    return rules;
  }
}
