import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, RESOURCE_TYPES } from '@infra-atlas/inventory-common';
import { refOf } from '../graph/InventoryGraph';
import { provenanceOf } from '../graph/provenance';
import { EntityLookup, LinkCollector, LinkRule } from './types';
import { gcpField, specString } from '../graph/specs';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map(v => v.trim().toLowerCase())
    .filter(Boolean);

const trimDot = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** How each anchor annotation finds the crawled entities it names. */
const ANCHORS: Array<{
  annotation: string;
  what: string;
  candidates: (lookup: EntityLookup, value: string) => Entity[];
}> = [
  {
    annotation: ANNOTATIONS.gcpProjects,
    what: 'GCP project',
    candidates: (lookup, id) =>
      lookup
        .ofKind('resource', RESOURCE_TYPES.gcpProject)
        .filter(p => gcpField(p, 'projectId') === id),
  },
  {
    annotation: ANNOTATIONS.k8sApps,
    what: 'Kubernetes app',
    // The same app on two clusters is two deployments of one thing; both belong.
    candidates: (lookup, app) =>
      lookup
        .ofKind('component')
        .filter(
          c =>
            c.metadata.name.startsWith('k8s-app--') &&
            (c.metadata.title ?? '').toLowerCase() === app,
        ),
  },
  {
    annotation: ANNOTATIONS.dnsNames,
    what: 'DNS name',
    candidates: (lookup, name) => [
      ...lookup
        .ofKind('resource', RESOURCE_TYPES.dnsRecord)
        .filter(r => trimDot(specString(r, 'fqdn') ?? '') === name),
      ...lookup
        .ofKind('resource', RESOURCE_TYPES.dnsZone)
        .filter(z => trimDot(specString(z, 'dnsName') ?? '') === name),
    ],
  },
];

/**
 * A hand-written System names what it spans with anchor annotations (project IDs, app names,
 * DNS names); each crawled entity they name becomes `partOf` the System. These links are
 * declared, by the System's own file; an anchor that names nothing is reported.
 */
export const systemAnchorRule: LinkRule = {
  name: 'system-anchor',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    for (const system of lookup.ofKind('system')) {
      const annotations = system.metadata.annotations ?? {};
      const provenance = provenanceOf(system);
      for (const anchor of ANCHORS) {
        for (const value of list(annotations[anchor.annotation])) {
          const found = anchor.candidates(lookup, value);
          if (!found.length) {
            collector.missing(refOf(system), `${anchor.what} ${value}`);
          }
          for (const entity of found) {
            collector.links.push({
              source: refOf(entity),
              type: 'partOf',
              target: refOf(system),
              provenance,
            });
          }
        }
      }
    }
    return collector;
  },
};
