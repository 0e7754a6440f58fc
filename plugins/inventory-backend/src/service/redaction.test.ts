/*
 * Which strings PersonalDetails takes for a person's details: addresses, Users named after
 * them, IAM members, including names that neither hold '@' nor '--' (a hashed User name that
 * a grant points at), and nothing else.
 */
import { Entity } from '@backstage/catalog-model';
import { REDACTED } from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';
import { PersonalDetails } from './redaction';

const user = (name: string, email?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { profile: email ? { email } : {}, memberOf: [] },
});

const project: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'gcp-project--p' },
  spec: {
    type: 'gcp-project',
    owner: 'group:default/g',
    access: {
      grants: [
        {
          role: 'roles/viewer',
          member: 'user:Long.Name@Example.org',
          // A hashed User name: too long for '--' to survive, found by the grant's ref.
          ref: 'user:default/long_5f0e3c8a9d2b4e61',
        },
      ],
    },
  },
};

describe('PersonalDetails', () => {
  let personal: PersonalDetails;
  beforeAll(async () => {
    personal = await PersonalDetails.of(
      InventoryGraph.build([
        user('jane--example.com', 'jane@example.com'),
        user('ameukam', 'ameukam@gmail.com'),
        project,
      ]),
    );
  });

  it('replaces addresses, Users named after them and IAM members, in any case', () => {
    expect(personal.redact('jane@example.com')).toBe(REDACTED);
    expect(personal.redact('JANE@example.com')).toBe(REDACTED);
    expect(personal.redact('jane--example.com')).toBe(REDACTED);
    expect(personal.redact('user:default/jane--example.com')).toBe(
      `user:default/${REDACTED}`,
    );
    expect(personal.redact('user:long.name@example.org')).toBe(
      `user:${REDACTED}`,
    );
    expect(personal.redact('User:Default/Long_5f0e3c8a9d2b4e61')).toBe(
      `user:default/${REDACTED}`,
    );
  });

  it('lets everything else through: logins, groups, titles, other addresses', () => {
    for (const value of [
      'user:default/ameukam',
      'ameukam',
      'group:default/k8s-infra-gcp-org-admins--kubernetes.io',
      'k8s-artifacts-prod',
      'roles/owner on the organization kubernetes.io',
      'someone@elsewhere.org',
    ]) {
      expect(personal.redact(value)).toBeUndefined();
    }
  });

  it('replaces the addresses a sentence quotes, and leaves a sentence without any as it is', () => {
    expect(
      personal.redactText('user:Jane@Example.com holds roles/owner directly'),
    ).toBe(`user:${REDACTED} holds roles/owner directly`);
    expect(personal.redactText('held through jane--example.com')).toBe(
      `held through ${REDACTED}`,
    );
    const plain = 'roles/owner on the organization kubernetes.io';
    expect(personal.redactText(plain)).toBe(plain);
  });
});
