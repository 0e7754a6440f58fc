import { parseDeclaredProjects } from './declaredProjects';
import { k8sIoSnapshot } from './__testUtils__/k8sIoSnapshot';

const PATH = 'infra/gcp/infra.yaml';
const content = k8sIoSnapshot().files.get(PATH)!;
const projects = parseDeclaredProjects(PATH, content);
const byId = new Map(projects.map(p => [p.projectId, p]));
const lines = content.split('\n');

describe('infra.yaml on the real kubernetes/k8s.io file', () => {
  it('declares 316 projects, each once, at the line that names it', () => {
    expect(projects).toHaveLength(316);
    expect(byId.size).toBe(316);
    for (const p of projects) {
      expect(lines[p.line - 1].trim().startsWith(`${p.projectId}:`)).toBe(true);
      expect(p.path).toBe(PATH);
    }
    expect(
      projects.filter(p => p.projectId.startsWith('k8s-infra-e2e-boskos-')),
    ).toHaveLength(200);
    const perType: Record<string, number> = {};
    for (const type of projects.flatMap(p => p.types)) {
      perType[type] = (perType[type] ?? 0) + 1;
    }
    expect(perType).toEqual({
      e2e: 206,
      prod: 7,
      prow: 2,
      public: 4,
      purgatory: 1,
      release: 2,
      releng: 1,
      sandbox: 1,
      staging: 93,
    });
  });

  it('takes managed_by from the project, else from its type', () => {
    expect(byId.get('k8s-infra-e2e-boskos-001')).toEqual({
      projectId: 'k8s-infra-e2e-boskos-001',
      path: PATH,
      line: 35,
      types: ['e2e'],
      managedBy: ['infra/gcp/bash/prow/ensure-e2e-projects.sh'],
      unknownKeys: [],
    });
    expect(byId.get('k8s-infra-prow-build')?.managedBy).toEqual([
      'infra/gcp/terraform/k8s-infra-prow-build/main.tf',
    ]);
    expect(byId.get('k8s-staging-gcb-untrusted')?.managedBy).toEqual([
      'infra/gcp/bash/ensure-staging-gcb-untrusted.sh',
    ]);
    expect(byId.get('kubernetes-public')?.types).toEqual(['public']);
  });

  it('reads the string shorthand and merges a project listed under two types', () => {
    expect(byId.get('k8s-infra-purgatory')?.managedBy).toEqual([
      'infra/gcp/bash/ensure-purgatory.sh',
    ]);
    expect(byId.get('k8s-release-test-prod')).toMatchObject({
      types: ['prod', 'release'],
      managedBy: [
        'infra/gcp/bash/ensure-prod-storage.sh',
        'infra/gcp/bash/ensure-release-projects.sh',
      ],
    });
  });
});

describe('infra.yaml bad input', () => {
  const parse = (yaml: string) => () =>
    parseDeclaredProjects('infra.yaml', yaml);

  it('locates shape errors', () => {
    expect(parse('projects: {}')).toThrow(
      "infra.yaml: line 1: infra.yaml needs an 'infra' mapping of project types",
    );
    expect(
      parse('infra:\n  e2e:\n    projects: {a: null}\n  prod: [x]\n'),
    ).toThrow(
      "infra.yaml: line 4: project type 'prod' needs a 'projects' mapping",
    );
    expect(
      parse('infra:\n  e2e:\n    projects:\n      a:\n      b: [1]\n'),
    ).toThrow(
      'infra.yaml: line 5: project b must be empty, a managed_by string or a mapping',
    );
    expect(
      parse('infra:\n  e2e:\n    projects:\n      a: {managed_by: 3}\n'),
    ).toThrow('infra.yaml: line 4: project a: managed_by must be a string');
    expect(
      parse('infra:\n  e2e:\n    managed_by: [x]\n    projects: {}\n'),
    ).toThrow('infra.yaml: line 3: infra.e2e.managed_by must be a string');
    expect(parse('infra: [\n')).toThrow(/^infra\.yaml: line \d+: invalid YAML/);
  });

  it('keeps unknown project keys for reporting', () => {
    expect(
      parseDeclaredProjects(
        'i',
        'infra:\n  t:\n    projects:\n      a: {owner: x}\n',
      ),
    ).toEqual([
      {
        projectId: 'a',
        path: 'i',
        line: 4,
        types: ['t'],
        managedBy: [],
        unknownKeys: ['owner'],
      },
    ]);
  });
});
