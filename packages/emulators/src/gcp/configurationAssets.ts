import { ASSET_TYPES, fullResourceName, inProject, resourceId } from './cai';
import { GcpAsset, GcpProject, JsonObject } from './estate';

/** Where an asset sits: its project (if any), folders and organization. */
export type Placement = ReturnType<typeof inProject>;

/** `iam.googleapis.com/Role` as IAM v1 returns a custom role. */
export type IamRole = {
  /** `organizations/<number>/roles/<id>` or `projects/<projectId>/roles/<id>` */
  name: string;
  title?: string;
  description?: string;
  includedPermissions?: string[];
  stage?: string;
};

/** The placement of a resource that belongs to the organization itself (custom roles). */
export function inOrganization(organization: string): Placement {
  return {
    project: '',
    folders: [],
    organization,
    parentFullResourceName: fullResourceName.container(organization),
    parentAssetType: ASSET_TYPES.organization,
  };
}

/** An enabled API of a project, as Service Usage v1 `Service`. */
export function enabledServiceAsset(
  project: GcpProject,
  placement: Placement,
  service: string,
): GcpAsset {
  const parent = `projects/${resourceId(project.name)}`;
  return {
    ...placement,
    name: fullResourceName.service(resourceId(project.name), service),
    assetType: ASSET_TYPES.service,
    displayName: service,
    location: 'global',
    state: 'ENABLED',
    versionedResource: {
      version: 'v1',
      resource: {
        name: `${parent}/services/${service}`,
        parent,
        config: { name: service },
        state: 'ENABLED',
      },
    },
  };
}

/** A custom role at organization or project level, as IAM v1 `Role`. */
export function customRoleAsset(role: IamRole, placement: Placement): GcpAsset {
  return {
    ...placement,
    name: fullResourceName.role(role.name),
    assetType: ASSET_TYPES.role,
    displayName: role.title || role.name.slice(role.name.lastIndexOf('/') + 1),
    description: role.description,
    location: 'global',
    versionedResource: v1Resource(role),
  };
}

/**
 * A resource as its API returns it, version v1 (every API served here is v1). The JSON round
 * trip drops optional fields left undefined, which a Struct cannot carry.
 */
export function v1Resource(resource: object): GcpAsset['versionedResource'] {
  return {
    version: 'v1',
    resource: JSON.parse(JSON.stringify(resource)) as JsonObject,
  };
}
