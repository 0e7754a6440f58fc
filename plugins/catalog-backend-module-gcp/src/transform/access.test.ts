import { defaultRoleRules, powerOf, powerOfPermissions } from './access';

describe('powerOf with the default rules', () => {
  const rules = defaultRoleRules();
  it.each([
    ['roles/owner', 'administer'],
    ['roles/editor', 'administer'],
    ['roles/container.admin', 'administer'],
    ['roles/artifactregistry.repoAdmin', 'administer'],
    ['roles/resourcemanager.projectIamAdmin', 'administer'],
    ['roles/storage.legacyBucketOwner', 'administer'],
    ['organizations/758905017065/roles/organization.admin', 'administer'],
    ['roles/storage.objectAdmin', 'write'],
    ['roles/cloudbuild.builds.editor', 'write'],
    ['roles/cloudbuild.builds.builder', 'write'],
    ['roles/storage.legacyBucketWriter', 'write'],
    ['roles/iam.serviceAccountUser', 'write'],
    ['roles/viewer', 'read'],
    ['roles/browser', 'read'],
    ['roles/storage.objectViewer', 'read'],
    ['roles/storage.legacyBucketReader', 'read'],
    ['roles/secretmanager.secretAccessor', 'read'],
    ['organizations/758905017065/roles/prow.viewer', 'read'],
    ['organizations/758905017065/roles/iam.serviceAccountLister', 'read'],
    // Not about the resource: money, Google's agents, using a quota or a key.
    ['roles/billing.admin', 'other'],
    ['roles/billing.user', 'other'],
    ['roles/container.serviceAgent', 'other'],
    ['roles/containerregistry.ServiceAgent', 'other'],
    ['roles/serviceusage.serviceUsageConsumer', 'other'],
    ['roles/cloudkms.cryptoKeyEncrypterDecrypter', 'other'],
  ])('%s is %s', (role, power) => {
    expect(powerOf(role, rules)).toBe(power);
  });

  it('lets configured rules come first', () => {
    expect(
      powerOf('roles/cloudkms.cryptoKeyEncrypterDecrypter', [
        { match: /cryptoKey/, power: 'write', configured: true },
        ...rules,
      ]),
    ).toBe('write');
  });
});

describe('custom roles', () => {
  const rules = defaultRoleRules();
  const prowViewer = 'organizations/758905017065/roles/prow.viewer';
  const permissions = new Map([
    [prowViewer, ['compute.instances.get', 'compute.instances.delete']],
  ]);

  it('are classified by what their permissions do, not by their name', () => {
    expect(powerOf(prowViewer, rules)).toBe('read');
    expect(powerOf(prowViewer, rules, permissions)).toBe('write');
    expect(
      powerOf(
        prowViewer,
        [{ match: /prow\.viewer$/, power: 'read', configured: true }, ...rules],
        permissions,
      ),
    ).toBe('read');
  });

  it.each([
    [
      ['resourcemanager.projects.setIamPolicy', 'resourcemanager.projects.get'],
      'administer',
    ],
    [['container.pods.exec', 'container.pods.get'], 'write'],
    [['iam.serviceAccounts.list'], 'read'],
    [
      ['billing.accounts.getSpendingInformation', 'billing.accounts.list'],
      'read',
    ],
    [['serviceusage.services.use'], 'other'],
  ])('%j is %s', (list, power) => {
    expect(powerOfPermissions(list as string[])).toBe(power);
  });
});
