import { assetEntityName, specTypeForAssetType } from './assetTypes';

const projectIdForNumber = (n: string) =>
  n === '127754664067' ? 'kubernetes-public' : undefined;

describe('reserved IP addresses', () => {
  it('names a global address as GKE Ingresses name it, by project ID', () => {
    expect(
      assetEntityName(
        {
          assetType: 'compute.googleapis.com/GlobalAddress',
          name: '//compute.googleapis.com/projects/127754664067/global/addresses/gcsweb-k8s-io',
        },
        projectIdForNumber,
      ),
    ).toBe('gcp-address--kubernetes-public--global--gcsweb-k8s-io');
  });

  it('names a regional address with its region', () => {
    expect(
      assetEntityName(
        {
          assetType: 'compute.googleapis.com/Address',
          name: '//compute.googleapis.com/projects/acme-prod/regions/europe-west1/addresses/shop',
        },
        projectIdForNumber,
      ),
    ).toBe('gcp-address--acme-prod--europe-west1--shop');
    expect(specTypeForAssetType('compute.googleapis.com/Address')).toBe(
      'gcp-address',
    );
  });
});
