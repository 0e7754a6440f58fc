import { protos as assetProtos } from '@google-cloud/asset';
import { protos as rmProtos } from '@google-cloud/resource-manager';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ApiCaller } from './apiCaller';
import { GcpClients } from './clients';
import { GcpScope } from './config';

export type Organization =
  rmProtos.google.cloud.resourcemanager.v3.IOrganization;
export type Folder = rmProtos.google.cloud.resourcemanager.v3.IFolder;
export type Project = rmProtos.google.cloud.resourcemanager.v3.IProject;
export type Asset = assetProtos.google.cloud.asset.v1.IResourceSearchResult;
export type PolicyResult =
  assetProtos.google.cloud.asset.v1.IIamPolicySearchResult;

/** Everything one crawl saw, and where it could not look. */
export type CrawlResult = {
  organizations: Organization[];
  folders: Folder[];
  projects: Project[];
  assets: Asset[];
  policies: PolicyResult[];
  /**
   * The Resource Manager names of the nodes each scope starts at, as read (`organizations/1`,
   * `folders/2`, `projects/123`): everything else must reach one of them through parents
   * that were read, or it is not placed this run.
   */
  roots?: string[];
  /** Steps that failed after retries; anything below them may be missing. */
  failures: Array<{ step: string; target: string; message: string }>;
};

const PAGE_SIZE = 500;
/** Parents listed at once during the hierarchy walk. */
const HIERARCHY_CONCURRENCY = 4;

/**
 * Fetches the hierarchy (Resource Manager), the resources and the IAM policies (Cloud Asset
 * Inventory) of the given scopes. A failing step is recorded and the crawl goes on with the
 * rest, so that one unreadable folder does not hide the whole organization; the caller
 * decides what an incomplete crawl may change.
 */
export async function crawlScopes(options: {
  scopes: GcpScope[];
  assetTypes: string[];
  clients: GcpClients;
  caller: ApiCaller;
  logger: LoggerService;
  /** Walk the hierarchy only, without the Cloud Asset searches (for comparisons). */
  hierarchyOnly?: boolean;
}): Promise<CrawlResult> {
  const { clients, caller, logger } = options;
  const result: CrawlResult = {
    organizations: [],
    folders: [],
    projects: [],
    assets: [],
    policies: [],
    roots: [],
    failures: [],
  };

  async function attempt(
    step: string,
    target: string,
    fn: () => Promise<void>,
  ) {
    try {
      await fn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.failures.push({ step, target, message });
      logger.error(`GCP crawl step ${step} failed for ${target}: ${message}`);
    }
  }

  // Folders and projects of one parent are listed independently: a denied project listing
  // must not throw away the folders read beside it (and everything below them).
  const listFolders = async (parent: string): Promise<string[]> => {
    const folders = await caller.collectPages(
      'Folders/ListFolders',
      'resourceManagerList',
      { parent, pageSize: PAGE_SIZE, showDeleted: true },
      (req, opts) => clients.folders.listFolders(req, opts),
    );
    result.folders.push(...folders);
    return folders.map(f => f.name!).filter(Boolean);
  };
  const listProjects = async (parent: string) => {
    result.projects.push(
      ...(await caller.collectPages(
        'Projects/ListProjects',
        'resourceManagerList',
        { parent, pageSize: PAGE_SIZE, showDeleted: true },
        (req, opts) => clients.projects.listProjects(req, opts),
      )),
    );
  };

  async function walk(root: string) {
    let frontier = [root];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (let i = 0; i < frontier.length; i += HIERARCHY_CONCURRENCY) {
        await Promise.all(
          frontier.slice(i, i + HIERARCHY_CONCURRENCY).flatMap(parent => [
            attempt('list folders', parent, async () => {
              next.push(...(await listFolders(parent)));
            }),
            attempt('list projects', parent, () => listProjects(parent)),
          ]),
        );
      }
      frontier = next;
    }
  }

  for (const scope of options.scopes) {
    let searchScope: string;
    if (scope.kind === 'organization') {
      searchScope = scope.name;
      await attempt('get organization', scope.name, async () => {
        const [org] = await caller.call(
          'Organizations/GetOrganization',
          'resourceManagerGet',
          opts =>
            clients.organizations.getOrganization({ name: scope.name }, opts),
        );
        result.organizations.push(org);
        result.roots!.push(org.name!);
      });
      await walk(scope.name);
    } else if (scope.kind === 'folder') {
      searchScope = scope.name;
      await attempt('get folder', scope.name, async () => {
        const [folder] = await caller.call(
          'Folders/GetFolder',
          'resourceManagerGet',
          opts => clients.folders.getFolder({ name: scope.name }, opts),
        );
        result.folders.push(folder);
        result.roots!.push(folder.name!);
      });
      await walk(scope.name);
    } else {
      searchScope = `projects/${scope.projectId}`;
      await attempt('get project', searchScope, async () => {
        const [project] = await caller.call(
          'Projects/GetProject',
          'resourceManagerGet',
          opts => clients.projects.getProject({ name: searchScope }, opts),
        );
        result.projects.push(project);
        result.roots!.push(project.name!);
      });
    }

    if (options.hierarchyOnly) {
      continue;
    }
    await attempt('search resources', searchScope, async () => {
      result.assets.push(
        ...(await caller.collectPages(
          'AssetService/SearchAllResources',
          'searchAllResources',
          {
            scope: searchScope,
            assetTypes: options.assetTypes,
            pageSize: PAGE_SIZE,
            // Each resource's own API representation (`versionedResources`) comes in the same
            // pages: configuration at no extra request (see gcp-inventory.md).
            readMask: { paths: ['*'] },
          },
          (req, opts) => clients.assets.searchAllResources(req, opts),
        )),
      );
    });
    await attempt('search IAM policies', searchScope, async () => {
      result.policies.push(
        ...(await caller.collectPages(
          'AssetService/SearchAllIamPolicies',
          'searchAllIamPolicies',
          { scope: searchScope, pageSize: PAGE_SIZE },
          (req, opts) => clients.assets.searchAllIamPolicies(req, opts),
        )),
      );
    });
    logger.info(
      `GCP crawl of ${searchScope}: ${result.folders.length} folders, ${result.projects.length} projects, ${result.assets.length} resources, ${result.policies.length} IAM policies so far`,
    );
  }
  return result;
}
