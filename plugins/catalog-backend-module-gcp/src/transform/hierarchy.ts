import { CrawlResult } from '../lib/crawl';

/**
 * One node of the resource hierarchy: the organization, a folder, a project or a resource.
 * Keyed by Cloud Asset Inventory's full resource name, which is how IAM policy results name
 * the resource they belong to.
 */
export type HierarchyNode = {
  fullName: string;
  kind: 'organization' | 'folder' | 'project' | 'resource';
  /** The short name used in evidence, e.g. `organizations/1`, `projects/k8s-artifacts-prod`. */
  label: string;
  parentFullName?: string;
  projectId?: string;
  /** For resources: the API service, e.g. `container` for GKE clusters. */
  service?: string;
  labels: Record<string, string>;
};

const RM = '//cloudresourcemanager.googleapis.com/';

export const rmFullName = (name: string) => `${RM}${name}`;

/**
 * The hierarchy of a crawl as an index: full resource name → node, with projects reachable by
 * ID and by number (Resource Manager says `projects/NUMBER`, IAM results may say either).
 */
export class Hierarchy {
  readonly nodes = new Map<string, HierarchyNode>();
  private readonly projectIdsByNumber = new Map<string, string>();
  private readonly roots: Set<string>;
  private readonly placedCache = new Map<string, boolean>();

  constructor(crawl: CrawlResult) {
    this.roots = new Set(
      (crawl.roots ?? defaultRoots(crawl)).map(name => rmFullName(name)),
    );
    for (const org of crawl.organizations) {
      this.add({
        fullName: rmFullName(org.name!),
        kind: 'organization',
        label: org.name!,
        labels: {},
      });
    }
    for (const folder of crawl.folders) {
      this.add({
        fullName: rmFullName(folder.name!),
        kind: 'folder',
        label: folder.name!,
        parentFullName: folder.parent ? rmFullName(folder.parent) : undefined,
        labels: {},
      });
    }
    for (const project of crawl.projects) {
      const number = project.name!.split('/')[1];
      this.projectIdsByNumber.set(number, project.projectId!);
      const node: HierarchyNode = {
        fullName: rmFullName(project.name!),
        kind: 'project',
        label: `projects/${project.projectId}`,
        parentFullName: project.parent ? rmFullName(project.parent) : undefined,
        projectId: project.projectId!,
        labels: { ...(project.labels ?? {}) },
      };
      this.add(node);
      this.nodes.set(rmFullName(`projects/${project.projectId}`), node);
    }
    for (const asset of crawl.assets) {
      if (asset.assetType === 'cloudresourcemanager.googleapis.com/Project') {
        continue; // the project itself, already known from Resource Manager
      }
      const projectNumber = asset.project?.split('/')[1];
      this.add({
        fullName: asset.name!,
        kind: 'resource',
        label: asset.name!.replace(/^\/\/[^/]+\//, ''),
        // Resources outside any project (an organization's custom roles) hang from their
        // parent resource.
        parentFullName: asset.project
          ? rmFullName(asset.project)
          : asset.parentFullResourceName || undefined,
        projectId: projectNumber
          ? this.projectIdsByNumber.get(projectNumber)
          : undefined,
        service: asset.assetType?.split('.')[0],
        labels: { ...(asset.labels ?? {}) },
      });
    }
  }

  /**
   * Whether a node reaches one of the crawl's roots through parents that were read. One that
   * does not (its project's or folder's listing failed) cannot be named, placed or given its
   * inherited owner this run, so it is not emitted and keeps its last known state.
   */
  isPlaced(node: HierarchyNode): boolean {
    const known = this.placedCache.get(node.fullName);
    if (known !== undefined) return known;
    // Marked first, so that a parent cycle ends as not placed.
    this.placedCache.set(node.fullName, false);
    const parent = node.parentFullName
      ? this.nodes.get(node.parentFullName)
      : undefined;
    const placed =
      this.roots.has(node.fullName) || (!!parent && this.isPlaced(parent));
    this.placedCache.set(node.fullName, placed);
    return placed;
  }

  private add(node: HierarchyNode) {
    this.nodes.set(node.fullName, node);
  }

  projectIdForNumber(projectNumber: string): string | undefined {
    return this.projectIdsByNumber.get(projectNumber);
  }

  get(fullName: string): HierarchyNode | undefined {
    return this.nodes.get(fullName);
  }

  /** Ancestors nearest first, stopping at a cycle or a parent outside the crawl. */
  ancestors(node: HierarchyNode): HierarchyNode[] {
    const chain: HierarchyNode[] = [];
    const seen = new Set([node.fullName]);
    let parent = node.parentFullName
      ? this.nodes.get(node.parentFullName)
      : undefined;
    while (parent && !seen.has(parent.fullName)) {
      chain.push(parent);
      seen.add(parent.fullName);
      parent = parent.parentFullName
        ? this.nodes.get(parent.parentFullName)
        : undefined;
    }
    return chain;
  }

  /** Distinct nodes (projects are indexed under two names). */
  uniqueNodes(): HierarchyNode[] {
    return [...new Set(this.nodes.values())];
  }
}

/**
 * For a crawl result made without roots (tests, benchmarks): its organizations, and every
 * folder or project whose parent it does not hold.
 */
function defaultRoots(crawl: CrawlResult): string[] {
  const names = new Set([
    ...crawl.organizations.map(o => o.name!),
    ...crawl.folders.map(f => f.name!),
  ]);
  return [
    ...crawl.organizations.map(o => o.name!),
    ...[...crawl.folders, ...crawl.projects]
      .filter(node => !node.parent || !names.has(node.parent))
      .map(node => node.name!),
  ];
}
