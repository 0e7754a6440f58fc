import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, RESOURCE_TYPES } from '@infra-atlas/inventory-common';
import { refOf } from '../graph/InventoryGraph';
import { EntityLookup, LinkCollector, LinkRule } from './types';
import { specString } from '../graph/specs';

/** `gcr.io/k8s-staging-x/app:v1@sha256:…` → `gcr.io/k8s-staging-x/app`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}

/**
 * A workload depends on where its images come from: the registry that serves them
 * (`registry.k8s.io/gcsweb` → the registry.k8s.io entity) and the promotion whose staging
 * source they are pulled from (`gcr.io/k8s-staging-slack-infra/…`). The longest matching source
 * wins; two equally long ones are ambiguous.
 */
export const imageSourceRule: LinkRule = {
  name: 'container-image-source',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    const registries = lookup.ofKind(
      'resource',
      RESOURCE_TYPES.containerRegistry,
    );
    const promotions = lookup.ofKind(
      'resource',
      RESOURCE_TYPES.registryPromotion,
    );
    const sourceOf = (p: Entity) => specString(p, 'source') ?? '';

    for (const workload of lookup.ofKind('component')) {
      const images =
        workload.metadata.annotations?.[ANNOTATIONS.containerImages];
      if (!images) continue;
      for (const image of images.split(',').map(i => i.trim())) {
        const repository = imageRepository(image);
        const host = repository.split('/')[0];
        const registry = registries.filter(
          r => (r.metadata.title ?? '').toLowerCase() === host,
        );
        const prefixes = promotions.filter(p =>
          repository.startsWith(`${sourceOf(p)}/`),
        );
        const longest = Math.max(0, ...prefixes.map(p => sourceOf(p).length));
        const candidates = [
          ...registry,
          ...prefixes.filter(p => sourceOf(p).length === longest),
        ];
        collector.match({
          source: refOf(workload),
          wanted: `source of image ${image}`,
          candidates: candidates.map(refOf),
          type: 'dependsOn',
          detail: target => `runs image ${image}, served from ${target}`,
          // Images from Docker Hub, quay.io or ghcr.io come from outside the estate.
          reportMissing: false,
        });
      }
    }
    return collector;
  },
};
