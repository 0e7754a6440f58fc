import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATIONS, RESOURCE_TYPES } from '@infra-atlas/inventory-common';
import { ConfiguredAnalyzer } from '../analyzers/definition';
import { AnalyzerContext, AnalyzerOutput } from '../analyzers/types';

/**
 * Runs one configured analyzer. One that throws (a bug, or input it did not expect) loses
 * only its own output: its files count as unread, so the crawl is partial and removes
 * nothing they declared, and every other analyzer still runs.
 */
export function runAnalyzer(
  analyzer: ConfiguredAnalyzer,
  ctx: AnalyzerContext,
): AnalyzerOutput {
  try {
    return analyzer.analyze(ctx);
  } catch (error) {
    return {
      entities: [],
      problems: [
        {
          path: analyzer.paths[0] ?? '',
          message: `analyzer '${analyzer.type}' failed: ${
            error instanceof Error ? error.message : String(error)
          }`,
          unread: true,
        },
      ],
    };
  }
}

/** `a.example, b.example` → normalized names: lower case, no trailing dot. */
const hostnamesOf = (entity: Entity) =>
  (entity.metadata.annotations?.[ANNOTATIONS.hostnames] ?? '')
    .split(',')
    .map(h => h.trim().replace(/\.$/, '').toLowerCase())
    .filter(Boolean);

/**
 * Points each DNS record at the entities that serve its name: those whose
 * `infra-atlas.io/hostnames` annotation lists it (the apps of the `apps` analyzer, or any
 * other analyzer's). The link comes from the entities themselves, so analyzers need not know
 * about each other.
 */
export function linkServedHostnames(entities: Entity[]) {
  const servers = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const host of hostnamesOf(entity)) {
      servers.set(
        host,
        (servers.get(host) ?? new Set()).add(stringifyEntityRef(entity)),
      );
    }
  }
  for (const entity of entities) {
    const fqdn = entity.spec?.fqdn;
    if (
      entity.spec?.type !== RESOURCE_TYPES.dnsRecord ||
      typeof fqdn !== 'string'
    )
      continue;
    const served = servers.get(fqdn.replace(/\.$/, '').toLowerCase());
    if (served) {
      entity.spec.servedBy = [...served].sort();
    }
  }
}
