import { Entity } from '@backstage/catalog-model';

type Relation = [type: string, targetRef: string];

/** `kind:name` or `kind:namespace/name` as a full ref. */
const fullRef = (ref: string) =>
  ref.includes('/') ? ref : ref.replace(':', ':default/');

function relationsOf(relations: Relation[], owner: unknown) {
  const all = relations.map(([type, targetRef]) => ({
    type,
    targetRef: fullRef(targetRef),
  }));
  if (typeof owner === 'string' && !all.some(r => r.type === 'ownedBy')) {
    all.push({
      type: 'ownedBy',
      targetRef: fullRef(owner.includes(':') ? owner : `group:${owner}`),
    });
  }
  return all;
}

/**
 * A catalog entity as the catalog serves it, relations included. `ref` is `kind:name`; the
 * provenance defaults to observed, as for a crawled GCP resource. As the catalog does, a
 * `spec.owner` gives the entity an `ownedBy` relation (owners are read from the relation).
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
    relations: relationsOf(options.relations ?? [], options.spec?.owner),
  };
}
