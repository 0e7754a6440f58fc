import { currentAttributions, namesFrom } from './attribution';
import {
  COMPANY_RULES,
  companyGraph,
  k8sInfraGraph,
} from './__testUtils__/estates';

const byProject = (list: ReturnType<typeof currentAttributions>) =>
  new Map(list.map(a => [a.projectId, a]));

describe('currentAttributions', () => {
  it('on the k8s-infra snapshot: owners from the catalog, SIGs through the directory of the owner group’s groups.yaml, Systems through their parts', () => {
    const graph = k8sInfraGraph();
    const attributions = currentAttributions(graph);
    const projects = byProject(attributions);
    expect(attributions).toHaveLength(327);
    // The CI projects: owned by the Prow on-call group, declared in groups/sig-testing.
    expect(projects.get('k8s-infra-e2e-boskos-001')).toEqual({
      projectId: 'k8s-infra-e2e-boskos-001',
      owners: ['group:default/k8s-infra-prow-oncall--kubernetes.io'],
      sigs: ['group:default/sig-testing'],
      systems: [],
    });
    expect(projects.get('k8s-artifacts-prod')).toEqual({
      projectId: 'k8s-artifacts-prod',
      owners: ['group:default/k8s-infra-artifact-admins--kubernetes.io'],
      sigs: ['group:default/sig-k8s-infra'],
      systems: [
        'system:default/image-promotion',
        'system:default/registry-k8s-io',
      ],
    });
    // kubernetes-public hosts the cluster, the DNS zones and the export: six Systems share it.
    expect(projects.get('kubernetes-public')?.systems).toEqual([
      'system:default/billing-report',
      'system:default/gcsweb',
      'system:default/image-promotion',
      'system:default/k8s-dns',
      'system:default/publishing-bot',
      'system:default/registry-k8s-io',
    ]);
    // Owned by the placeholder: no owner, hence no SIG.
    const unowned = attributions.filter(a => !a.owners.length);
    expect(unowned).toHaveLength(14);
    expect(unowned.every(a => !a.sigs.length)).toBe(true);
    expect(unowned.map(a => a.projectId)).toContain('k8s-gsuite');
    // Every owner group of the snapshot is declared under a SIG's directory.
    expect(attributions.filter(a => a.owners.length && !a.sigs.length)).toEqual(
      [],
    );
    expect(
      attributions.filter(a => a.sigs.includes('group:default/sig-testing')),
    ).toHaveLength(214);
  });

  it('on a company-shaped estate: SIGs through parent groups of a configured type, co-owners, unowned projects, Systems through what runs in a project', () => {
    const graph = companyGraph();
    const projects = byProject(currentAttributions(graph, COMPANY_RULES));
    expect(projects.get('data-warehouse')).toEqual({
      projectId: 'data-warehouse',
      owners: ['group:default/team-data'],
      sigs: ['group:default/division-data'],
      systems: ['system:default/analytics'],
    });
    expect(projects.get('shared-network')).toEqual({
      projectId: 'shared-network',
      owners: ['group:default/team-data', 'group:default/team-web'],
      sigs: ['group:default/division-data', 'group:default/division-web'],
      systems: ['system:default/analytics', 'system:default/storefront'],
    });
    expect(projects.get('web-frontend')?.systems).toEqual([
      'system:default/storefront',
    ]);
    expect(projects.get('sandbox')).toEqual({
      projectId: 'sandbox',
      owners: [],
      sigs: [],
      systems: [],
    });
    // With the community's rules, nothing here is a SIG.
    expect(currentAttributions(graph).every(a => !a.sigs.length)).toBe(true);
  });

  it('names rows by their titles today, and finds the entity of a project', () => {
    const names = namesFrom(companyGraph());
    expect(names.titleOf('group:default/team-web')).toBe('Web team');
    expect(names.titleOf('group:default/gone')).toBe('gone');
    expect(names.projectRefOf('sandbox')).toBe(
      'resource:default/gcp-project--sandbox',
    );
    expect(names.projectRefOf('deleted-project')).toBeUndefined();
  });
});
