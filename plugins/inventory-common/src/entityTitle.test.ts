import { Entity } from '@backstage/catalog-model';
import { emailPrincipalEntityName, gkeClusterEntityName } from './entityNames';
import { entityTitle, titleFromEntityRef } from './entityTitle';

const entity = (kind: string, name: string, extra: object = {}): Entity =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    ...extra,
  } as Entity);

describe('entityTitle', () => {
  it('prefers the title, then the display name, then the address', () => {
    expect(
      entityTitle(
        entity('Resource', 'gcp-project--p', {
          metadata: { name: 'x', title: 'p' },
        }),
      ),
    ).toBe('p');
    expect(
      entityTitle(
        entity('User', 'ameukam', {
          spec: { profile: { displayName: 'Arnaud Meukam' } },
        }),
      ),
    ).toBe('Arnaud Meukam');
    expect(
      entityTitle(
        entity('Group', 'admins--kubernetes.io', {
          spec: { profile: { email: 'admins@kubernetes.io' } },
        }),
      ),
    ).toBe('admins@kubernetes.io');
  });

  it('reads an untitled e-mail principal as its address, never its encoded name', () => {
    expect(
      entityTitle(
        entity('User', emailPrincipalEntityName('ameukam@gmail.com')),
      ),
    ).toBe('ameukam@gmail.com');
  });
});

describe('titleFromEntityRef', () => {
  it('drops the type prefix of a resource and joins its coordinates', () => {
    expect(
      titleFromEntityRef(
        `resource:default/${gkeClusterEntityName(
          'kubernetes-public',
          'us-central1',
          'aaa',
        )}`,
      ),
    ).toBe('kubernetes-public / us-central1 / aaa');
  });

  it('reads refs as spec.owner shortens them', () => {
    expect(
      titleFromEntityRef('group:k8s-infra-artifact-admins--kubernetes.io'),
    ).toBe('k8s-infra-artifact-admins@kubernetes.io');
    expect(titleFromEntityRef('sig-k8s-infra')).toBe('sig-k8s-infra');
  });

  it('marks a hashed name as shortened instead of showing the hash', () => {
    const name = emailPrincipalEntityName(
      'a-very-long-local-part-of-an-address-for-testing@a-long-domain.example.org',
    );
    expect(name).toMatch(/_[0-9a-f]{16}$/);
    const title = titleFromEntityRef(`user:default/${name}`);
    expect(title).not.toMatch(/[0-9a-f]{16}/);
    expect(title.endsWith('…')).toBe(true);
  });
});
