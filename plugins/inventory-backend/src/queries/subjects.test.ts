import { NotFoundError } from '@backstage/errors';
import {
  emailPrincipalEntityName,
  gcpServiceAccountEntityName,
} from '@infra-atlas/inventory-common';
import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { ownership } from './ownership';
import { isPersonalAddress, isPersonalUserRef } from './subjects';

describe('isPersonalUserRef', () => {
  const graph = InventoryGraph.build([
    entity('group:admins--example.org', {
      spec: { profile: { email: 'admins@example.org' } },
    }),
  ]);

  it('knows a User named after an e-mail address, whether or not it exists', () => {
    for (const ref of [
      'user:default/jane--example.org',
      'User:jane--example.org',
      'user:jane@example.org',
      // Hashed names (an underscore, or too long) keep their readable prefix.
      `user:default/${emailPrincipalEntityName('Jane_Doe@example.org')}`,
      `user:default/${emailPrincipalEntityName(
        `${'j'.repeat(40)}@a-very-long-domain.example.org`,
      )}`,
    ]) {
      expect([ref, isPersonalUserRef(graph, ref)]).toEqual([ref, true]);
    }
  });

  it('leaves GitHub accounts, groups, other kinds and group addresses alone', () => {
    for (const ref of [
      'user:default/ameukam',
      'group:default/jane--example.org',
      'resource:default/gcp-project--k8s-artifacts-prod',
      'user:default/admins--example.org',
      'not a ref',
    ]) {
      expect([ref, isPersonalUserRef(graph, ref)]).toEqual([ref, false]);
    }
  });
});

describe('looking principals up in every form IAM prints them', () => {
  const ci = 'ci@project.iam.gserviceaccount.com';
  const ciRef = `resource:default/${gcpServiceAccountEntityName(ci)}`;
  const grant = (member: string, role: string, ref?: string) => ({
    member,
    role,
    grantedOn: 'organizations/1',
    inherited: false,
    ...(ref ? { ref } : {}),
  });
  // A service account of another organization and a domain hold grants but are no entity.
  const foreign = 'serviceAccount:deployer@other-org.iam.gserviceaccount.com';
  const graph = InventoryGraph.build([
    entity('resource:org', {
      type: 'gcp-organization',
      spec: {
        access: {
          administrators: [grant(foreign, 'roles/owner')],
          grants: [
            grant(foreign, 'roles/owner'),
            grant('domain:example.org', 'roles/browser'),
            grant(`serviceAccount:${ci}`, 'roles/viewer', ciRef),
            grant(
              'group:admins@example.org',
              'roles/viewer',
              'group:default/admins--example.org',
            ),
          ],
        },
      },
    }),
    entity(ciRef.replace('default/', ''), {
      type: 'gcp-service-account',
      title: ci,
    }),
    entity('group:admins--example.org', {
      spec: { profile: { email: 'admins@example.org' } },
    }),
    entity('domain:infra', { annotations: {} }),
  ]);
  const held = (q: string) =>
    ownership(graph, q).items.map(i => `${i.role} ${i.grant}`);

  it('finds a service account by its address or as serviceAccount:, and what it holds', () => {
    for (const q of [
      ci,
      `serviceAccount:${ci}`,
      `SERVICEACCOUNT:${ci.toUpperCase()}`,
    ]) {
      const answer = ownership(graph, q);
      expect(answer.identities.map(i => i.entity.ref)).toEqual([ciRef]);
      expect(held(q)).toEqual(['holds roles/viewer on organizations/1']);
    }
    expect(isPersonalAddress(graph, ci)).toBe(false);
    expect(isPersonalAddress(graph, `serviceAccount:${ci}`)).toBe(false);
  });

  it('answers for principals that are no entity with the grants they hold', () => {
    const domain = ownership(graph, 'domain:example.org');
    expect(domain.identities).toEqual([
      {
        entity: {
          ref: 'domain:example.org',
          kind: 'domain',
          title: 'example.org',
          exists: false,
        },
        steps: [],
      },
    ]);
    expect(held('domain:example.org')).toEqual([
      'holds roles/browser on organizations/1',
    ]);
    expect(held(foreign)).toEqual([
      'administers roles/owner on organizations/1',
    ]);
    expect(ownership(graph, foreign).items[0].steps[0]).toMatchObject({
      from: foreign.toLowerCase(),
      relation: 'administers',
      to: 'resource:default/org',
      provenance: { kind: 'observed', source: '//test/org' },
    });
    // A Domain entity of that name is the entity; an unknown domain is nobody.
    expect(() => ownership(graph, 'domain:infra')).not.toThrow();
    expect(() => ownership(graph, 'domain:example.com')).toThrow(NotFoundError);
  });

  it('reads group: and user: as IAM members, and only user: as personal', () => {
    expect(held('group:admins@example.org')).toEqual([
      'holds roles/viewer on organizations/1',
    ]);
    expect(isPersonalAddress(graph, 'group:jane@example.org')).toBe(false);
    expect(isPersonalAddress(graph, 'domain:example.org')).toBe(false);
    expect(isPersonalAddress(graph, 'user:jane@example.org')).toBe(true);
    expect(isPersonalAddress(graph, 'jane@example.org')).toBe(true);
    expect(isPersonalAddress(graph, 'admins@example.org')).toBe(false);
    // An IAM member of a kind that is not the group's finds nothing.
    expect(() => ownership(graph, 'user:admins@example.org')).toThrow(
      NotFoundError,
    );
  });
});
