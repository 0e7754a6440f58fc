import { Entity } from '@backstage/catalog-model';
import { CatalogProcessor, LocationSpec } from '@backstage/plugin-catalog-node';

/**
 * Annotations the crawl learned about repositories that describe themselves
 * (catalog-info.yaml), by repository URL (`https://github.com/kubernetes/website`, lower-cased).
 * The provider fills it after each crawl; the processor reads it. It lives in memory: after a
 * restart, entities get their annotations back once the first crawl has run.
 */
export class RepositoryAnnotations {
  private byRepository = new Map<string, Record<string, string>>();

  replace(next: Map<string, Record<string, string>>) {
    this.byRepository = new Map(
      [...next].map(([url, annotations]) => [url.toLowerCase(), annotations]),
    );
  }

  /** The annotations for an entity defined in a file of one of the repositories. */
  forLocation(target: string): Record<string, string> | undefined {
    const match = target
      .toLowerCase()
      .match(/^(https:\/\/[^/]+\/[^/]+\/[^/]+)\/(blob|tree)\//);
    return match ? this.byRepository.get(match[1]) : undefined;
  }
}

/**
 * Enriches, never overrides: the entities a repository's own catalog-info.yaml defines keep
 * their owner and everything they say, and gain what the crawl knows that they do not — the
 * repository's OWNERS files and approvers — as annotations they do not already have.
 */
export class RepositoryAnnotationsProcessor implements CatalogProcessor {
  constructor(private readonly annotations: RepositoryAnnotations) {}

  getProcessorName() {
    return 'InfraAtlasRepositoryAnnotationsProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
  ): Promise<Entity> {
    if (location.type !== 'url') {
      return entity;
    }
    const extra = this.annotations.forLocation(location.target);
    if (!extra) {
      return entity;
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: { ...extra, ...entity.metadata.annotations },
      },
    };
  }
}
