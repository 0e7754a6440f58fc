import type {
  AdministratorsResponse,
  CompletenessResponse,
  ConfigurationResponse,
  DriftResponse,
  ExplorerResponse,
  GraphMode,
  GraphResponse,
  ImpactDirection,
  ImpactResponse,
  LinksResponse,
  OwnershipResponse,
  OwnershipRole,
  OwnersFilesResponse,
  PathOwnershipResponse,
  PlacementResponse,
  RunbookResponse,
  StatusResponse,
} from './types';
import type { AccessResponse } from './access';

/**
 * A failed inventory request, with its HTTP status: 404 for an entity or person the inventory
 * does not know, 503 while its first index is being built, 400 for a bad question.
 *
 * @public
 */
export class InventoryRequestError extends Error {
  readonly name = 'InventoryRequestError';

  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** @public */
export type InventoryClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** A fetch that adds credentials: the frontend's fetchApi, or one with a service token. */
  fetchApi?: { fetch: typeof fetch };
};

/** @public */
export type ImpactOptions = {
  direction?: ImpactDirection;
  depth?: number;
  relations?: string[];
};

/** @public */
export type GraphOptions = {
  mode?: GraphMode;
  depth?: number;
  relations?: string[];
  kinds?: string[];
  maxNodes?: number;
};

/** @public */
export type CompletenessOptions = {
  scope?: 'entity' | 'owner' | 'system' | 'all';
  key?: string;
};

/**
 * Typed client of the inventory backend (`/api/inventory`). Every method maps to one route;
 * docs/infra-atlas/inventory-api.md lists them with curl examples.
 *
 * @public
 */
export class InventoryClient {
  constructor(private readonly options: InventoryClientOptions) {}

  placement(entityRef: string): Promise<PlacementResponse> {
    return this.get('placement', { entity: entityRef });
  }

  administrators(entityRef: string): Promise<AdministratorsResponse> {
    return this.get('administrators', { entity: entityRef });
  }

  /** Which groups grant access to an entity and how to join them; whom to ask otherwise. */
  access(entityRef: string): Promise<AccessResponse> {
    return this.get('access', { entity: entityRef });
  }

  /** The whole placement forest as one flat list, for filtering in the browser. */
  explorer(): Promise<ExplorerResponse> {
    return this.get('explorer', {});
  }

  /**
   * Which entities of a resource type have a configuration setting (optionally a value of
   * it), e.g. `{ type: 'gcs-bucket', setting: 'retention', value: 'locked' }`; or, with
   * `service`, which projects enable an API.
   */
  configuration(question: {
    type?: string;
    setting?: string;
    value?: string;
    service?: string;
    limit?: number;
  }): Promise<ConfigurationResponse> {
    return this.get('configuration', {
      ...question,
      limit: question.limit?.toString(),
    });
  }

  ownership(
    query: string,
    options: {
      roles?: OwnershipRole[];
      limit?: number;
      /** One section's page only: its key, and where the page starts. */
      section?: string;
      offset?: number;
      /** Items per section page (default 10). */
      pageSize?: number;
    } = {},
  ): Promise<OwnershipResponse> {
    return this.get('ownership', {
      q: query,
      role: options.roles?.join(','),
      limit: options.limit?.toString(),
      section: options.section,
      offset: options.offset?.toString(),
      pageSize: options.pageSize?.toString(),
    });
  }

  graph(entityRef: string, options: GraphOptions = {}): Promise<GraphResponse> {
    return this.get('graph', {
      entity: entityRef,
      mode: options.mode,
      depth: options.depth?.toString(),
      relations: options.relations?.join(','),
      kinds: options.kinds?.join(','),
      maxNodes: options.maxNodes?.toString(),
    });
  }

  impact(
    entityRef: string,
    options: ImpactOptions = {},
  ): Promise<ImpactResponse> {
    return this.get('impact', {
      entity: entityRef,
      direction: options.direction,
      depth: options.depth?.toString(),
      relations: options.relations?.join(','),
    });
  }

  completeness(
    options: CompletenessOptions = {},
  ): Promise<CompletenessResponse> {
    return this.get('completeness', { scope: options.scope, key: options.key });
  }

  /** Every drift finding, or with `entity` those that name it (counts of those only). */
  drift(options: { entity?: string } = {}): Promise<DriftResponse> {
    return this.get('drift', { entity: options.entity });
  }

  /** Approvers, reviewers and emeritus of the OWNERS files that govern an entity. */
  ownersFiles(entityRef: string): Promise<OwnersFilesResponse> {
    return this.get('owners-files', { entity: entityRef });
  }

  /**
   * Who approves, reviews and code-owns a path of a crawled repository (`owner/name`); a path
   * ending in `/` is a directory.
   */
  pathOwnership(
    repository: string,
    path: string,
  ): Promise<PathOwnershipResponse> {
    return this.get('path-ownership', { repository, path });
  }

  /** The entity's TechDocs (its own, its Systems', its repository's) and runbook links. */
  runbook(entityRef: string): Promise<RunbookResponse> {
    return this.get('runbook', { entity: entityRef });
  }

  status(): Promise<StatusResponse> {
    return this.get('status', {});
  }

  links(entityRef?: string): Promise<LinksResponse> {
    return this.get('links', { entity: entityRef });
  }

  private async get<T>(
    path: string,
    query: Record<string, string | undefined>,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('inventory');
    const params = new URLSearchParams(
      Object.entries(query).filter((e): e is [string, string] => !!e[1]),
    );
    const url = `${baseUrl}/${path}${params.size ? `?${params}` : ''}`;
    const doFetch = this.options.fetchApi?.fetch ?? fetch;
    const response = await doFetch(url);
    if (!response.ok) {
      const body = await response.text();
      // Typed, so that pages can tell "not indexed yet" (404) and "still building" (503)
      // from a real failure.
      throw new InventoryRequestError(
        `Inventory request ${path} failed with ${response.status}: ${body.slice(
          0,
          300,
        )}`,
        response.status,
      );
    }
    return (await response.json()) as T;
  }
}
