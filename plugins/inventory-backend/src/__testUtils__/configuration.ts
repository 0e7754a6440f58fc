import { BucketConfiguration } from '@infra-atlas/inventory-common';
import { entity } from './entities';

/** A bucket of k8s-artifacts-prod with its configuration, as the GCP provider writes it. */
export const configuredBucket = (
  name: string,
  configuration: Partial<BucketConfiguration> = {},
) =>
  entity(`resource:gcs-bucket--${name}`, {
    type: 'gcs-bucket',
    title: name,
    spec: {
      gcp: {
        projectId: 'k8s-artifacts-prod',
        configuration: {
          storageClass: 'STANDARD',
          versioning: false,
          uniformBucketLevelAccess: true,
          publicAccessPrevention: 'inherited',
          retention: 'none',
          lifecycleRules: [],
          ...configuration,
        },
      },
    },
  });
