/*
 * The Kubernetes manifests (deploy/) as the cluster would receive them: rendered with the
 * installed kubectl's kustomize, every object checked against its API schema, and the
 * properties that decide whether Infra Atlas runs checked across objects — two replicas,
 * probes on Backstage's health endpoints, every secret coming from the ExternalSecret, every
 * environment variable the production configuration reads being set, the Workload Identity
 * binding, and the selectors and ports that must line up.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../../..');
const OVERLAY = 'deploy/overlays/gke-aaa';
const READINESS = '/.backstage/health/v1/readiness';
const LIVENESS = '/.backstage/health/v1/liveness';

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
  data?: Record<string, string>;
};

function render(overlay: string): K8sObject[] {
  const yaml = execFileSync('kubectl', ['kustomize', overlay], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return parseAllDocuments(yaml).map(doc => doc.toJSON());
}

/** Objects that fail their API schema, with why (__testUtils__/validateSchemas.mjs). */
function schemaProblems(objects: unknown[]) {
  const out = execFileSync(
    process.execPath,
    [path.join(__dirname, '__testUtils__', 'validateSchemas.mjs')],
    { input: JSON.stringify(objects), encoding: 'utf8' },
  );
  return JSON.parse(out) as Array<{ object: string; errors: string[] }>;
}

function only(objects: K8sObject[], kind: string) {
  const found = objects.filter(o => o.kind === kind);
  expect(found.map(o => `${kind} ${o.metadata.name}`)).toHaveLength(1);
  return found[0];
}

function named(objects: K8sObject[], kind: string, name: string) {
  const found = objects.find(o => o.kind === kind && o.metadata.name === name);
  if (!found) {
    throw new Error(`the overlay renders no ${kind} named ${name}`);
  }
  return found;
}

function selects(
  selector: Record<string, string>,
  labels: Record<string, string>,
) {
  return (
    Object.keys(selector).length > 0 &&
    Object.entries(selector).every(([key, value]) => labels[key] === value)
  );
}

/** `${VAR}` substitutions in a config file: what the container's environment must hold. */
function substitutions(file: string) {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const withoutComments = text
    .split('\n')
    .filter(line => !line.trimStart().startsWith('#'))
    .join('\n');
  return [...withoutComments.matchAll(/\$\{(\w+)\}/g)].map(m => m[1]);
}

describe('the schema check', () => {
  it('rejects what the API server would reject', () => {
    const problems = schemaProblems([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'broken' },
        spec: { replicas: 'two' },
      },
      {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: 'broken' },
        spec: { secretStoreRef: { kind: 'SecretVault', name: 'x' } },
      },
      {
        apiVersion: 'example.com/v1',
        kind: 'Unknown',
        metadata: { name: 'x' },
      },
    ]);
    expect(problems.map(p => p.object)).toEqual([
      'apps/v1/Deployment broken',
      'external-secrets.io/v1/ExternalSecret broken',
      'example.com/v1/Unknown x',
    ]);
    expect(problems[0].errors.join()).toContain('replicas must be integer');
  });
});

describe(`the manifests of ${OVERLAY}`, () => {
  const objects = render(OVERLAY);
  const deployment = only(objects, 'Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const configMaps: K8sObject[] = container.envFrom
    .filter((e: any) => e.configMapRef)
    .map((e: any) => named(objects, 'ConfigMap', e.configMapRef.name));
  const deploymentDoc = fs.readFileSync(
    path.join(repoRoot, 'docs/infra-atlas/deployment.md'),
    'utf8',
  );

  it('are valid against their API schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    expect(schemaProblems(objects)).toEqual([]);
  });

  it('put everything in the namespace they create', () => {
    const namespace = only(objects, 'Namespace').metadata.name;
    for (const object of objects.filter(o => o.kind !== 'Namespace')) {
      expect(`${object.kind} ${object.metadata.namespace}`).toBe(
        `${object.kind} ${namespace}`,
      );
    }
  });

  it('run two replicas that never all stop at once', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    const labels = deployment.spec.template.metadata.labels;
    expect(selects(deployment.spec.selector.matchLabels, labels)).toBe(true);
    const pdb = only(objects, 'PodDisruptionBudget');
    expect(selects(pdb.spec.selector.matchLabels, labels)).toBe(true);
    expect(pdb.spec.minAvailable).toBe(1);
  });

  it("probe Backstage's health endpoints on the container's port", () => {
    const ports = container.ports.map((p: { name: string }) => p.name);
    const probe = (name: string) => container[name].httpGet;
    expect(probe('readinessProbe').path).toBe(READINESS);
    expect(probe('livenessProbe').path).toBe(LIVENESS);
    expect(probe('startupProbe').path).toBe(LIVENESS);
    for (const name of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      expect(ports).toContain(probe(name).port);
    }
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(0);
  });

  it('run as a non-root user within set resources, from a pinned image', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(container.securityContext.capabilities.drop).toEqual(['ALL']);
    expect(container.resources.requests.cpu).toBeDefined();
    expect(container.resources.requests.memory).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
    expect(container.image).toMatch(/^[a-z0-9.-]+\/[^:]+:(?!latest$)[\w.-]+$/);
  });

  it('take every secret from the ExternalSecret, and only from it', () => {
    const externalSecret = only(objects, 'ExternalSecret');
    expect(externalSecret.spec.secretStoreRef.kind).toBe('ClusterSecretStore');
    const target =
      externalSecret.spec.target?.name ?? externalSecret.metadata.name;
    const synced: string[] = externalSecret.spec.data.map(
      (d: { secretKey: string }) => d.secretKey,
    );
    const fromSecrets = container.env.filter(
      (e: any) => e.valueFrom?.secretKeyRef,
    );
    for (const variable of fromSecrets) {
      const ref = variable.valueFrom.secretKeyRef;
      expect(`${variable.name} from ${ref.name}`).toBe(
        `${variable.name} from ${target}`,
      );
      expect(synced).toContain(ref.key);
    }
    // Nothing synced that the pod does not read, and no Secret written by hand.
    expect(
      fromSecrets.map((e: any) => e.valueFrom.secretKeyRef.key).sort(),
    ).toEqual([...synced].sort());
    expect(objects.filter(o => o.kind === 'Secret')).toEqual([]);
    expect(container.envFrom.filter((e: any) => e.secretRef)).toEqual([]);
    // The deployment page tells the operator to create each Secret Manager secret.
    for (const d of externalSecret.spec.data) {
      expect(deploymentDoc).toContain(d.remoteRef.key);
    }
  });

  it('set every variable the production configuration reads', () => {
    const provided = new Set<string>([
      ...container.env.map((e: { name: string }) => e.name),
      ...configMaps.flatMap(c => Object.keys(c.data ?? {})),
    ]);
    const needed = [
      ...substitutions('app-config.yaml'),
      ...substitutions('app-config.production.yaml'),
    ];
    expect(needed).toContain('BACKEND_API_TOKEN');
    expect(needed.filter(variable => !provided.has(variable))).toEqual([]);
  });

  it('bind the pods to the Google service account the deployment page creates', () => {
    const ksa = named(objects, 'ServiceAccount', pod.serviceAccountName);
    const gsa = ksa.metadata.annotations?.['iam.gke.io/gcp-service-account'];
    expect(gsa).toMatch(
      /^[a-z][-a-z0-9]{4,28}[a-z0-9]@[a-z][-a-z0-9]+\.iam\.gserviceaccount\.com$/,
    );
    const project = gsa!.split('@')[1].split('.')[0];
    expect(deploymentDoc).toContain(gsa!);
    // The Workload Identity binding names this namespace and Kubernetes service account.
    expect(deploymentDoc).toContain(
      `serviceAccount:${project}.svc.id.goog[${ksa.metadata.namespace}/${ksa.metadata.name}]`,
    );
  });

  it('route HTTPS for the app URL through the Service to the container port', () => {
    const labels = deployment.spec.template.metadata.labels;
    const ingress = only(objects, 'Ingress');
    const backend = ingress.spec.defaultBackend.service;
    const service = named(objects, 'Service', backend.name);
    expect(selects(service.spec.selector, labels)).toBe(true);
    const servicePort = service.spec.ports.find(
      (p: { name: string }) => p.name === backend.port.name,
    );
    expect(servicePort).toBeDefined();
    expect(container.ports.map((p: { name: string }) => p.name)).toContain(
      servicePort.targetPort,
    );

    const certificate = named(
      objects,
      'ManagedCertificate',
      ingress.metadata.annotations!['networking.gke.io/managed-certificates'],
    );
    const appUrl = configMaps.map(c => c.data?.APP_BASE_URL).find(Boolean);
    expect(appUrl).toMatch(/^https:\/\//);
    expect(certificate.spec.domains).toEqual([new URL(appUrl!).hostname]);
    expect(
      ingress.metadata.annotations![
        'kubernetes.io/ingress.global-static-ip-name'
      ],
    ).toBeTruthy();
  });
});
