import { SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';

/**
 * What every Infra Atlas provider does the same way: a name, and a scheduled `refresh` once
 * the catalog has connected it. Subclasses implement `refresh` and reach the catalog through
 * `catalog()`.
 *
 * @public
 */
export abstract class ScheduledEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  protected constructor(
    private readonly name: string,
    private readonly taskRunner: SchedulerServiceTaskRunner,
  ) {}

  getProviderName(): string {
    return this.name;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.taskRunner.run({
      id: `${this.name}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /** One crawl and the catalog update it allows. */
  abstract refresh(): Promise<unknown>;

  /** The catalog connection; a refresh before `connect` is a programming error. */
  protected catalog(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(`${this.name} is not connected to the catalog`);
    }
    return this.connection;
  }
}
