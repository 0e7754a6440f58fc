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

/**
 * Puts the links the inventory backend resolved with its global view (a DNS zone on its Cloud
 * DNS zone, a Workload Identity binding on its namespace, an entity in the System that names
 * it…) into the catalog as relations, so that the catalog graph and search see them.
 *
 * The links are read from `GET /api/inventory/links` at most every 30 seconds. When the
 * inventory cannot answer, the last links read are used, so a restart of the inventory never
 * strips relations; before any read succeeds there are none to add.
 *
 * @public
 */
export class InventoryLinksProcessor implements CatalogProcessor {
  private bySource = new Map<string, InventoryLink[]>();
  private readAt = Number.NEGATIVE_INFINITY;
  private reading?: Promise<void>;

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
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

  private async fresh() {
    if (Date.now() - this.readAt < MAX_AGE_MS) return;
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
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as LinksResponse;
      const bySource = new Map<string, InventoryLink[]>();
      for (const link of body.links) {
        const key = link.source.toLowerCase();
        const list = bySource.get(key);
        if (list) list.push(link);
        else bySource.set(key, [link]);
      }
      this.bySource = bySource;
    } catch (error) {
      // 503 while the inventory builds its first index is expected at start-up.
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
