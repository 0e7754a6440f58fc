import { emailPrincipalEntityName } from '@infra-atlas/inventory-common';
import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { isPersonalUserRef } from './subjects';

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
