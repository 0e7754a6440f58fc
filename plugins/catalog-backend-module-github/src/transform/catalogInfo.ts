import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@infra-atlas/inventory-common';
import { AnalyzerProblem } from '../analyzers/types';
import { isRecord } from '../analyzers/yamlShape';
import { parseYamlDocuments, problemFrom } from '../analyzers/yamlFile';

const isEntity = (value: unknown): value is Entity =>
  isRecord(value) &&
  typeof value.apiVersion === 'string' &&
  typeof value.kind === 'string' &&
  isRecord(value.metadata) &&
  typeof value.metadata.name === 'string';

/**
 * The entities a repository's own `catalog-info.yaml` defines, from the text the listing
 * query already returned: they stay exactly as written (owner, type, everything), located at
 * the file as if the catalog had read it, and gain only what the crawl knows that they do not
 * say (`extra` annotations they lack). Registering a Location instead would make the catalog
 * download every file a second time.
 */
export function catalogInfoEntities(
  content: string,
  options: { path: string; url: string; extra: Record<string, string> },
): { entities: Entity[]; problems: AnalyzerProblem[] } {
  const problems: AnalyzerProblem[] = [];
  let parsed: ReturnType<typeof parseYamlDocuments>;
  try {
    parsed = parseYamlDocuments(content, options.path);
  } catch (error) {
    return { entities: [], problems: [problemFrom(error)] };
  }
  problems.push(...parsed.errors.map(problemFrom));
  const entities: Entity[] = [];
  for (const doc of parsed.documents) {
    if (!isEntity(doc.value)) {
      problems.push({
        path: options.path,
        line: doc.line,
        message:
          'not a catalog entity: it needs apiVersion, kind and metadata.name',
        unread: true,
      });
      continue;
    }
    const location = `url:${options.url}`;
    entities.push({
      ...doc.value,
      metadata: {
        ...doc.value.metadata,
        annotations: {
          ...options.extra,
          ...doc.value.metadata.annotations,
          'backstage.io/managed-by-location': location,
          'backstage.io/managed-by-origin-location': location,
          [ANNOTATIONS.declaredIn]: options.url,
        },
      },
    });
  }
  return { entities, problems };
}
