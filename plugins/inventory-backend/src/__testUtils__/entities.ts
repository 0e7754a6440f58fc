import { Entity } from '@backstage/catalog-model';

type Relation = [type: string, targetRef: string];

/**
 * A catalog entity as the catalog serves it, relations included. `ref` is `kind:name`; the
 * provenance defaults to observed, as for a crawled GCP resource.
 */
export function entity(
  ref: string,
  options: {
    type?: string;
    title?: string;
    spec?: Record<string, unknown>;
    annotations?: Record<string, string>;
    relations?: Relation[];
    links?: Array<{ url: string; title?: string }>;
  } = {},
): Entity {
  const [kind, name] = ref.split(':');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: kind[0].toUpperCase() + kind.slice(1),
    metadata: {
      name,
      namespace: 'default',
      ...(options.title ? { title: options.title } : {}),
      annotations: {
        'infra-atlas.io/provenance': 'observed',
        'infra-atlas.io/gcp-resource-name': `//test/${name}`,
        ...options.annotations,
      },
      ...(options.links ? { links: options.links } : {}),
    },
    spec: { ...(options.type ? { type: options.type } : {}), ...options.spec },
    relations: (options.relations ?? []).map(([type, targetRef]) => ({
      type,
      targetRef: targetRef.includes('/')
        ? targetRef
        : targetRef.replace(':', ':default/'),
    })),
  };
}
