import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  InventoryLink,
  LinksResponse,
  REVERSE_RELATION,
} from '@infra-atlas/inventory-common';

const MAX_AGE_MS = 30_000;
const READ_TIMEOUT_MS = 10_000;
/** Before the first read: how often, and how many times, processing retries it. */
const FIRST_READ = { retryMs: 2_000, attempts: 60 };

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Puts the links the inventory backend resolved with its global view (a DNS zone on its Cloud
 * DNS zone, a Workload Identity binding on its namespace, an entity in the System that names
 * it…) into the catalog as relations, so that the catalog graph and search see them.
 *
 * The links are read from `GET /api/inventory/links` at most every 30 seconds. When the
 * inventory cannot answer, the last links read are used, so a restart of the inventory never
 * strips relations. Before the first read succeeds (a replica starting: its inventory answers
 * 503 until its index is built) processing waits for it, retrying every 2 seconds for up to
 * 2 minutes, and then fails the entity rather than emit no links: a failed entity keeps the
 * relations it had, an entity processed without its links would lose them. Only a catalog
 * without the inventory backend (404) is processed without links.
 *
 * @public
 */
export class InventoryLinksProcessor implements CatalogProcessor {
  private bySource = new Map<string, InventoryLink[]>();
  /** Whether any read has succeeded: until then, no links is not an answer. */
  private hasRead = false;
  private lastProblem = 'not read yet';
  private readAt = Number.NEGATIVE_INFINITY;
  private reading?: Promise<void>;
  private firstRead?: Promise<void>;

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      /** Shorter retries for tests. */
      firstRead?: { retryMs: number; attempts: number };
    },
  ) {}

  getProcessorName() {
    return 'InventoryLinksProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    await this.fresh();
    if (!this.hasRead) {
      this.firstRead ??= this.untilRead();
      await this.firstRead;
    }
    if (!this.hasRead) {
      throw new Error(
        `The inventory's links could not be read (${this.lastProblem}); the entity keeps its relations until they can`,
      );
    }
    const self = stringifyEntityRef(entity).toLowerCase();
    for (const link of this.bySource.get(self) ?? []) {
      const source = parseEntityRef(link.source);
      const target = parseEntityRef(link.target);
      emit(processingResult.relation({ source, type: link.type, target }));
      const reverse = REVERSE_RELATION[link.type];
      if (reverse) {
        emit(
          processingResult.relation({
            source: target,
            type: reverse,
            target: source,
          }),
        );
      }
    }
    return entity;
  }

  /** Retries the first read for a while; every entity processed meanwhile waits for it. */
  private async untilRead() {
    const { retryMs, attempts } = this.deps.firstRead ?? FIRST_READ;
    for (let i = 0; i < attempts && !this.hasRead; i++) {
      await sleep(retryMs);
      await this.read();
    }
  }

  private async fresh() {
    const maxAge = this.hasRead
      ? MAX_AGE_MS
      : (this.deps.firstRead ?? FIRST_READ).retryMs;
    if (Date.now() - this.readAt < maxAge) return;
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    await this.reading;
  }

  private async read() {
    try {
      const baseUrl = await this.deps.discovery.getBaseUrl('inventory');
      const { token } = await this.deps.auth.getPluginRequestToken({
        onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
        targetPluginId: 'inventory',
      });
      // Processing waits for this read: a hung inventory must not stall the catalog.
      const response = await fetch(`${baseUrl}/links`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      });
      // 404: no inventory backend in this catalog, so no links to add and none to withdraw.
      if (!response.ok && response.status !== 404) {
        throw new Error(`HTTP ${response.status}`);
      }
      const body: Pick<LinksResponse, 'links'> = response.ok
        ? await response.json()
        : { links: [] };
      const bySource = new Map<string, InventoryLink[]>();
      for (const link of body.links) {
        const key = link.source.toLowerCase();
        const list = bySource.get(key);
        if (list) list.push(link);
        else bySource.set(key, [link]);
      }
      this.bySource = bySource;
      this.hasRead = true;
    } catch (error) {
      // 503 while the inventory builds its first index is expected at start-up.
      this.lastProblem = (error as Error).message;
      this.deps.logger.debug(
        `Inventory links unavailable, keeping the ${
          this.bySource.size
        } sources read before: ${(error as Error).message}`,
      );
    }
    // Failed reads wait as long as successful ones, so the catalog does not hammer the inventory.
    this.readAt = Date.now();
  }
}
