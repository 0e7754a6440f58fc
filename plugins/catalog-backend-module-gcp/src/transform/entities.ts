import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RESOURCE_TYPES,
  gcpFolderEntityName,
  gcpOrganizationEntityName,
  gcpProjectEntityName,
  parsePrincipal,
  GOOGLE_GROUP_TYPE,
} from '@infra-atlas/inventory-common';
import { OwnerRules } from '../lib/config';
import { Asset, CrawlResult } from '../lib/crawl';
import { assetEntityName, specTypeForAssetType } from './assetTypes';
import {
  configurationOf,
  customRolePermissions,
  enabledServicesByProject,
  withoutEnabledServices,
} from './configuration';
import { Hierarchy, HierarchyNode } from './hierarchy';
import { RoleRule } from './access';
import { Grant, IamIndex, PUBLIC_MEMBERS } from './iam';
import { LabelOwnerDirectory, resolveOwner } from './owner';
import { PrincipalRules, principalFilter } from './principals';

export type TransformOptions = {
  /** `backstage.io/managed-by-location` of every entity, e.g. `gcp-inventory:production`. */
  locationKey: string;
  owners: OwnerRules;
  /** How roles are classified by power (`DEFAULT_ROLE_RULES` after any configured ones). */
  roles: RoleRule[];
  /** Which principals this provider emits; grants point at every principal regardless. */
  principals?: PrincipalRules;
};

/** What a grant looks like on an entity: the evidence, and the entity it points at. */
type GrantView = Grant & { ref?: string };

const CONSOLE = 'https://console.cloud.google.com';

/** Protobuf timestamps arrive with `seconds` as number, string or Long. */
type Timestamp = { seconds?: { toString(): string } | null } | null | undefined;

function timestamp(t: Timestamp) {
  const seconds = Number(t?.seconds?.toString() ?? 0);
  return seconds ? new Date(seconds * 1000).toISOString() : undefined;
}

/**
 * Points a grant at its principal's entity: groups and users always (this provider emits
 * them), service accounts only when the crawl saw them — Google-managed service agents live
 * outside the organization, and a relation to an entity that never exists only warns.
 */
function grantRef(knownRefs: Set<string>) {
  return (grant: Grant): GrantView => {
    const principal = parsePrincipal(grant.member);
    if (!principal) return grant;
    if (principal.kind === 'serviceAccount' && !knownRefs.has(principal.ref)) {
      return grant;
    }
    return { ...grant, ref: principal.ref };
  };
}

/**
 * Backstage label values allow less than GCP's; unusable ones stay in `spec.gcp.labels`.
 * No labels at all is no `labels` key: the entity page's Labels card shows wherever the key
 * exists, and on an empty one it tells readers how to edit catalog YAML they do not have.
 */
function backstageLabels(labels: Record<string, string>) {
  const usable = Object.entries(labels).filter(
    ([k, v]) =>
      /^[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?$/i.test(k) &&
      /^([a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?)?$/i.test(v),
  );
  return usable.length ? { labels: Object.fromEntries(usable) } : {};
}

function consoleLink(node: HierarchyNode, asset?: Asset): string {
  const [collection, id] = node.label.split('/');
  if (node.kind === 'organization')
    return `${CONSOLE}/iam-admin/settings?organizationId=${id}`;
  if (node.kind === 'folder')
    return `${CONSOLE}/cloud-resource-manager?folder=${id}`;
  const project = node.projectId ? `project=${node.projectId}` : '';
  if (node.kind === 'project') return `${CONSOLE}/home/dashboard?${project}`;
  if (asset?.assetType === 'storage.googleapis.com/Bucket') {
    return `${CONSOLE}/storage/browser/${collection}?${project}`;
  }
  if (asset?.assetType === 'container.googleapis.com/Cluster') {
    const name = node.label.split('/').pop();
    return `${CONSOLE}/kubernetes/clusters/details/${asset.location}/${name}/details?${project}`;
  }
  return `${CONSOLE}/iam-admin/asset-inventory/resources?${project}`;
}

/** The entities of one crawl, and the nodes it read but could not place. */
export type TransformResult = {
  entities: Entity[];
  /**
   * Nodes whose parent chain was not read this run (a listing failed): they cannot be named,
   * placed or owned correctly, so they are left out and keep their last known state.
   */
  unplaced: string[];
};

/**
 * Turns a crawl into catalog entities: one Resource per organization, folder, project and
 * resource, each with its parent, its owner (and why), every grant on it with its power and
 * condition, who administers it (directly and inherited) and whether it is public; plus a
 * Group or User for every person or Google Group named in an IAM policy. Pure: the same crawl
 * always gives the same entities.
 */
export function crawlToEntities(
  fullCrawl: CrawlResult,
  options: TransformOptions,
): TransformResult {
  const enabledServices = enabledServicesByProject(fullCrawl.assets);
  const crawl = withoutEnabledServices(fullCrawl);
  const hierarchy = new Hierarchy(crawl);
  const iam = new IamIndex(
    crawl.policies,
    hierarchy,
    options.roles,
    customRolePermissions(crawl.assets),
  );
  const labelOwners = new LabelOwnerDirectory(
    crawl.policies.flatMap(p =>
      (p.policy?.bindings ?? []).flatMap(b => b.members ?? []),
    ),
  );
  const refs = new Map<HierarchyNode, string>();

  const orgsByName = new Map(crawl.organizations.map(o => [o.name!, o]));
  const foldersByName = new Map(crawl.folders.map(f => [f.name!, f]));
  const projectsByName = new Map(crawl.projects.map(p => [p.name!, p]));
  const assetsByName = new Map(crawl.assets.map(a => [a.name!, a]));

  function describe(node: HierarchyNode) {
    if (node.kind === 'organization') {
      const org = orgsByName.get(node.label)!;
      return {
        name: gcpOrganizationEntityName(node.label.split('/')[1]),
        title: org.displayName || node.label,
        description: `GCP organization ${org.displayName} (${node.label}).`,
        type: RESOURCE_TYPES.gcpOrganization,
        gcp: {
          organization: node.label,
          state: org.state,
          createTime: timestamp(org.createTime),
        },
      };
    }
    if (node.kind === 'folder') {
      const folder = foldersByName.get(node.label)!;
      return {
        name: gcpFolderEntityName(node.label.split('/')[1]),
        title: folder.displayName || node.label,
        description: `GCP folder ${folder.displayName} (${node.label}).`,
        type: RESOURCE_TYPES.gcpFolder,
        gcp: {
          folder: node.label,
          state: folder.state,
          createTime: timestamp(folder.createTime),
        },
      };
    }
    if (node.kind === 'project') {
      const project = projectsByName.get(
        node.fullName.replace(/^.*\/(projects\/)/, '$1'),
      )!;
      return {
        name: gcpProjectEntityName(node.projectId!),
        title: node.projectId!,
        // Search finds projects by ID, number and display name, so all three are here.
        description: `${
          project.displayName && project.displayName !== node.projectId
            ? `${project.displayName}: `
            : ''
        }GCP project ${node.projectId}, number ${project.name!.split('/')[1]}.`,
        type: RESOURCE_TYPES.gcpProject,
        gcp: {
          projectId: node.projectId,
          projectNumber: project.name!.split('/')[1],
          state: project.state,
          createTime: timestamp(project.createTime),
          enabledServices: enabledServices.get(project.name!),
        },
      };
    }
    const asset = assetsByName.get(node.fullName)!;
    return {
      name: assetEntityName(asset, n => hierarchy.projectIdForNumber(n)),
      title: asset.displayName || node.label.split('/').pop()!,
      description:
        asset.description ||
        `${specTypeForAssetType(asset.assetType!)} ${
          asset.displayName || node.label.split('/').pop()
        } in project ${node.projectId ?? asset.project}${
          asset.location ? `, ${asset.location}` : ''
        }.`,
      type: specTypeForAssetType(asset.assetType!),
      asset,
      gcp: {
        assetType: asset.assetType,
        projectId: node.projectId,
        location: asset.location || undefined,
        state: asset.state || undefined,
        createTime: timestamp(asset.createTime),
        updateTime: timestamp(asset.updateTime),
        configuration: configurationOf(asset),
      },
    };
  }

  const all = hierarchy.uniqueNodes();
  const nodes = all.filter(node => hierarchy.isPlaced(node));
  const unplaced = all
    .filter(node => !hierarchy.isPlaced(node))
    .map(node => node.label);
  const described = nodes.map(node => ({ node, ...describe(node) }));
  for (const d of described) {
    refs.set(d.node, `resource:default/${d.name}`);
  }
  const withRef = grantRef(new Set(refs.values()));

  const principals = new Map<string, Entity>();
  const emits = principalFilter(options.principals);
  const entities: Entity[] = described.map(d => {
    const ancestors = hierarchy.ancestors(d.node);
    const direct = iam.directGrants(d.node);
    // Resources inherit every grant of their project; listing those on each of thousands of
    // buckets would drown the evidence, so resources show their own grants and the placement
    // chain answers the rest. Organizations, folders and projects show both.
    const inherited =
      d.node.kind === 'resource' ? [] : iam.inheritedGrants(d.node);
    // Only permanent administration becomes a relation; a conditional grant (break-glass,
    // time-bound) is in `grants` with its condition, for the answers to state.
    const administrators = [...direct, ...inherited]
      .filter(g => g.power === 'administer' && !g.condition)
      .map(withRef);
    const publicGrants = direct.filter(g => PUBLIC_MEMBERS.has(g.member));
    const { owner, evidence, unresolvedLabels } = resolveOwner({
      node: d.node,
      ancestors,
      grantsOf: n => iam.directGrants(n),
      rules: options.owners,
      labelOwners,
    });

    for (const grant of direct) {
      const principal = parsePrincipal(grant.member);
      if (
        principal &&
        principal.kind !== 'serviceAccount' &&
        !principals.has(principal.ref) &&
        emits(principal)
      ) {
        principals.set(
          principal.ref,
          principalEntity(principal.kind, principal.email, options.locationKey),
        );
      }
    }

    const state = String(d.gcp.state ?? '');
    const tags = ['gcp'];
    if (publicGrants.length) tags.push('public');
    if (state === 'DELETE_REQUESTED') tags.push('delete-requested');
    if (state === 'DELETED') tags.push('deleted');

    const link = consoleLink(d.node, 'asset' in d ? d.asset : undefined);
    const annotations: Record<string, string> = {
      // "View source" on the entity page opens the resource in the console.
      'backstage.io/view-url': link,
      'backstage.io/managed-by-location': options.locationKey,
      'backstage.io/managed-by-origin-location': options.locationKey,
      [ANNOTATIONS.provenance]: 'observed',
      [ANNOTATIONS.gcpResourceName]: d.node.fullName,
      [ANNOTATIONS.ownerEvidence]: evidence,
    };
    if (unresolvedLabels.length) {
      annotations[ANNOTATIONS.unresolvedOwnerLabels] =
        unresolvedLabels.join(',');
    }
    if (d.node.projectId)
      annotations[ANNOTATIONS.gcpProjectId] = d.node.projectId;
    if (publicGrants.length) {
      annotations[ANNOTATIONS.publicAccess] = publicGrants
        .map(g => `${g.member}=${g.role}`)
        .join(',');
    }
    const parent =
      d.node.parentFullName && hierarchy.get(d.node.parentFullName);
    const parentRef = parent ? refs.get(parent) : undefined;

    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: d.name,
        title: d.title,
        ...(d.description ? { description: d.description } : {}),
        ...backstageLabels(d.node.labels),
        annotations,
        tags,
        links: [
          {
            url: link,
            title: 'Google Cloud console',
            icon: 'cloud',
          },
        ],
      },
      spec: {
        type: d.type,
        owner,
        ...(parentRef ? { parent: parentRef } : {}),
        gcp: JSON.parse(JSON.stringify({ ...d.gcp, labels: d.node.labels })),
        access: {
          administrators,
          grants: direct.map(withRef),
          public: publicGrants.map(g => ({ member: g.member, role: g.role })),
        },
      },
    } as Entity;
  });

  return {
    entities: [
      ...entities,
      ...[...principals.values()].sort((a, b) =>
        a.metadata.name.localeCompare(b.metadata.name),
      ),
    ],
    unplaced,
  };
}

function principalEntity(
  kind: 'group' | 'user',
  email: string,
  locationKey: string,
): Entity {
  const parsed = parsePrincipal(`${kind}:${email}`)!;
  const name = parsed.ref.split('/')[1];
  const annotations = {
    'backstage.io/managed-by-location': locationKey,
    'backstage.io/managed-by-origin-location': locationKey,
    [ANNOTATIONS.provenance]: 'observed',
  };
  if (kind === 'group') {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name,
        title: email,
        description: 'Google Group named in GCP IAM policies',
        annotations,
      },
      spec: {
        type: GOOGLE_GROUP_TYPE,
        profile: { email, displayName: email },
        children: [],
      },
    };
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      title: email,
      description: 'Person named in GCP IAM policies',
      annotations,
    },
    spec: { profile: { email, displayName: email }, memberOf: [] },
  };
}
