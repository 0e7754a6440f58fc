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
import type {
  BillingGroupBy,
  BillingReport,
  EntityCost,
  InvoiceMonth,
} from '../billing';
import type { AccessPower } from '../iam';

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

/**
 * The query each inventory route accepts, by route: what the API's OpenAPI document
 * (plugins/inventory-backend/src/schema/openapi.yaml) states, in TypeScript. The backend's
 * router types its handlers with these, and its build fails when they stop matching the
 * document; the bounds (depth 1–10, limit up to 5000…) are the document's.
 *
 * @public
 */
export type InventoryQueries = {
  '/status': {};
  '/placement': { entity: string };
  '/explorer': {};
  '/configuration': {
    type?: string;
    setting?: string;
    value?: string;
    service?: string;
    limit?: number;
  };
  '/administrators': {
    entity: string;
    /** One power's page of grant rows only, and no people. */
    power?: AccessPower;
    /**
     * Where the page of people starts (of `power`'s rows, with `power`), and how many it
     * lists (default 5).
     */
    offset?: number;
    pageSize?: number;
  };
  '/access': { entity: string };
  '/ownership': {
    q: string;
    /** Items per role in `items` (default 20); counts and sections cover every item. */
    limit?: number;
    role?: OwnershipRole[];
    /**
     * One section's page only: its key (`members` for a group's members), and where the page
     * starts.
     */
    section?: string;
    offset?: number;
    /** Items (and members) per section page (default 10). */
    pageSize?: number;
  };
  '/impact': {
    entity: string;
    direction?: ImpactDirection;
    depth?: number;
    relations?: string[];
    /** One distance's page only. */
    distance?: number;
    /** The page of owners only (`offset`, `pageSize`: default 10), no entities. */
    list?: 'owners';
    /** Where each distance's page starts, and how many it lists (default 20). */
    offset?: number;
    pageSize?: number;
  };
  '/graph': {
    entity: string;
    mode?: GraphMode;
    depth?: number;
    relations?: string[];
    kinds?: string[];
    maxNodes?: number;
  };
  '/drift': { entity?: string };
  '/owners-files': { entity: string };
  '/path-ownership': { repository: string; path: string };
  '/runbook': { entity: string };
  '/completeness': {
    scope?: 'entity' | 'owner' | 'system' | 'all';
    key?: string;
  };
  '/links': { entity?: string };
  '/billing': {
    groupBy?: BillingGroupBy;
    month?: InvoiceMonth;
    from?: InvoiceMonth;
    to?: InvoiceMonth;
  };
  '/billing/entity': {
    entityRef: string;
    /** How many months, ending with the latest with figures (default 12). */
    months?: number;
  };
};

/** @public */
export type BillingQuery = InventoryQueries['/billing'];

/** @public */
export type ImpactOptions = Omit<InventoryQueries['/impact'], 'entity'>;

/** @public */
export type GraphOptions = Omit<InventoryQueries['/graph'], 'entity'>;

/** @public */
export type CompletenessOptions = InventoryQueries['/completeness'];

/** @public */
export type OwnershipOptions = Omit<
  InventoryQueries['/ownership'],
  'q' | 'role'
> & {
  roles?: OwnershipRole[];
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

  /**
   * Who owns an entity and who can do what to it: a page of rows per power and one page of
   * the people behind them; with `power`, a later page of that power's rows.
   */
  administrators(
    entityRef: string,
    page: Omit<InventoryQueries['/administrators'], 'entity'> = {},
  ): Promise<AdministratorsResponse> {
    return this.get('administrators', { entity: entityRef, ...page });
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
  configuration(
    question: InventoryQueries['/configuration'],
  ): Promise<ConfigurationResponse> {
    return this.get('configuration', question);
  }

  ownership(
    query: string,
    { roles, ...options }: OwnershipOptions = {},
  ): Promise<OwnershipResponse> {
    return this.get('ownership', { q: query, role: roles, ...options });
  }

  graph(entityRef: string, options: GraphOptions = {}): Promise<GraphResponse> {
    return this.get('graph', { entity: entityRef, ...options });
  }

  impact(
    entityRef: string,
    options: ImpactOptions = {},
  ): Promise<ImpactResponse> {
    return this.get('impact', { entity: entityRef, ...options });
  }

  completeness(
    options: CompletenessOptions = {},
  ): Promise<CompletenessResponse> {
    return this.get('completeness', options);
  }

  /** Every drift finding, or with `entity` those that name it (counts of those only). */
  drift(options: InventoryQueries['/drift'] = {}): Promise<DriftResponse> {
    return this.get('drift', options);
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

  /**
   * One month's spend broken down by project, owner, SIG, System or service, against the month
   * before, with movers, the trend and the budget. Needs `inventory.billing.read`: a 403
   * without, a 404 where billing is not set up.
   */
  billing(query: BillingQuery = {}): Promise<BillingReport> {
    return this.get('billing', query);
  }

  /** What a GCP project, group or System costs, month by month (the "What it costs" card). */
  entityCost(entityRef: string, months?: number): Promise<EntityCost> {
    return this.get('billing/entity', { entityRef, months });
  }

  status(): Promise<StatusResponse> {
    return this.get('status', {});
  }

  links(entityRef?: string): Promise<LinksResponse> {
    return this.get('links', { entity: entityRef });
  }

  /** Asks one route; lists go comma-separated, as the document's `explode: false` says. */
  private async get<T>(
    path: string,
    query: Record<string, string | number | string[] | undefined>,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('inventory');
    const params = new URLSearchParams(
      Object.entries(query).flatMap(([name, value]) =>
        value === undefined || value === '' ? [] : [[name, String(value)]],
      ),
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
