import {
  ASSET_TYPES,
  containerAssetType,
  fullResourceName,
  resourceId,
  splitAncestry,
} from './cai';
import {
  GcpAsset,
  GcpEstate,
  GcpFolder,
  GcpOrganization,
  GcpProject,
} from './estate';
import { invalidArgument, permissionDenied } from './status';

const ORGANIZATION_NAME = /^organizations\/\d+$/;
const FOLDER_NAME = /^folders\/\d+$/;
const PROJECT_NAME = /^projects\/[^/]+$/;
const PROJECT_NUMBER = /^projects\/\d+$/;

/** Lookups over an estate, built once per emulator; the estate itself is never changed. */
export class EstateIndex {
  readonly organizations = new Map<string, GcpOrganization>();
  readonly folders = new Map<string, GcpFolder>();
  private readonly projectsByNumber = new Map<string, GcpProject>();
  private readonly projectsById = new Map<string, GcpProject>();
  private readonly childFolders = new Map<string, GcpFolder[]>();
  private readonly childProjects = new Map<string, GcpProject[]>();
  /**
   * What Cloud Asset Inventory search sees, in a fixed order: the organizations, folders and
   * projects as assets (CAI returns them too), then the estate's own assets.
   */
  readonly searchable: GcpAsset[];

  constructor(readonly estate: GcpEstate) {
    for (const org of estate.organizations) {
      this.organizations.set(org.name, org);
    }
    for (const folder of estate.folders) {
      this.folders.set(folder.name, folder);
      append(this.childFolders, folder.parent, folder);
    }
    for (const project of estate.projects) {
      this.projectsByNumber.set(project.name, project);
      this.projectsById.set(project.projectId, project);
      append(this.childProjects, project.parent, project);
    }
    this.searchable = [
      ...estate.organizations.map(org => this.organizationAsset(org)),
      ...estate.folders.map(folder => this.folderAsset(folder)),
      ...estate.projects.map(project => this.projectAsset(project)),
      ...estate.assets,
    ];
  }

  /** A project by `projects/<number>` or `projects/<projectId>`, as the APIs accept both. */
  project(name: string): GcpProject | undefined {
    if (!PROJECT_NAME.test(name)) {
      return undefined;
    }
    return PROJECT_NUMBER.test(name)
      ? this.projectsByNumber.get(name)
      : this.projectsById.get(resourceId(name));
  }

  foldersUnder(parent: string): GcpFolder[] {
    return this.childFolders.get(parent) ?? [];
  }

  projectsUnder(parent: string): GcpProject[] {
    return this.childProjects.get(parent) ?? [];
  }

  /** `name` and the containers above it, nearest first, ending with the organization. */
  ancestry(name: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = name;
    while (current && !chain.includes(current)) {
      chain.push(current);
      current = this.folders.get(current)?.parent;
    }
    return chain;
  }

  /**
   * Checks a list parent (`organizations/N` or `folders/N`). Like the real API, a parent that
   * does not exist is indistinguishable from one the caller may not read.
   */
  checkContainer(name: string, permission: string): void {
    if (!ORGANIZATION_NAME.test(name) && !FOLDER_NAME.test(name)) {
      throw invalidArgument(
        `Invalid parent "${name}": expected organizations/{id} or folders/{id}`,
      );
    }
    if (!this.organizations.has(name) && !this.folders.has(name)) {
      throw denied(permission, name);
    }
  }

  /**
   * The assets a Cloud Asset Inventory search scope covers: `organizations/N`, `folders/N`,
   * `projects/<id>` or `projects/<number>`. Throws like the real API for scopes it cannot read.
   * Project scopes are answered from an index: per-project enumeration (what the benchmark
   * compares against) would otherwise scan every asset of a large estate on every call.
   */
  scopeAssets(scope: string, permission: string): readonly GcpAsset[] {
    if (ORGANIZATION_NAME.test(scope)) {
      if (!this.organizations.has(scope)) throw denied(permission, scope);
      return this.searchable.filter(asset => asset.organization === scope);
    }
    if (FOLDER_NAME.test(scope)) {
      if (!this.folders.has(scope)) throw denied(permission, scope);
      return this.searchable.filter(asset => asset.folders.includes(scope));
    }
    if (PROJECT_NAME.test(scope)) {
      const project = this.project(scope);
      if (!project) throw denied(permission, scope);
      return this.assetsByProject().get(project.name) ?? [];
    }
    throw invalidArgument(
      `Invalid scope "${scope}": expected projects/{id}, projects/{number}, folders/{number} or organizations/{number}`,
    );
  }

  private byProject?: Map<string, GcpAsset[]>;

  private assetsByProject(): Map<string, GcpAsset[]> {
    if (!this.byProject) {
      this.byProject = new Map();
      for (const asset of this.searchable) {
        append(this.byProject, asset.project, asset);
      }
    }
    return this.byProject;
  }

  private placement(parent: string) {
    return {
      ...splitAncestry(this.ancestry(parent)),
      parentFullResourceName: fullResourceName.container(parent),
      parentAssetType: containerAssetType(parent),
    };
  }

  private organizationAsset(org: GcpOrganization): GcpAsset {
    return {
      name: fullResourceName.container(org.name),
      assetType: ASSET_TYPES.organization,
      project: '',
      folders: [],
      organization: org.name,
      displayName: org.displayName,
      location: 'global',
      createTime: org.createTime,
      updateTime: org.updateTime,
      state: org.state,
      parentFullResourceName: '',
      parentAssetType: '',
      iamPolicy: org.iamPolicy,
    };
  }

  private folderAsset(folder: GcpFolder): GcpAsset {
    const placement = this.placement(folder.parent);
    return {
      ...placement,
      name: fullResourceName.container(folder.name),
      assetType: ASSET_TYPES.folder,
      project: '',
      // A folder is inside its own scope: searching folders/N returns folders/N too.
      folders: [folder.name, ...placement.folders],
      displayName: folder.displayName,
      location: 'global',
      createTime: folder.createTime,
      updateTime: folder.updateTime,
      state: folder.state,
      iamPolicy: folder.iamPolicy,
    };
  }

  private projectAsset(project: GcpProject): GcpAsset {
    return {
      ...this.placement(project.parent),
      name: fullResourceName.project(project.projectId),
      assetType: ASSET_TYPES.project,
      project: project.name,
      displayName: project.displayName,
      location: 'global',
      labels: project.labels,
      createTime: project.createTime,
      updateTime: project.updateTime,
      state: project.state,
      iamPolicy: project.iamPolicy,
    };
  }
}

function append<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function denied(permission: string, resource: string) {
  return permissionDenied(
    `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`,
  );
}
