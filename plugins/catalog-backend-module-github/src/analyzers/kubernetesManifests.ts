import { sortedUnique } from './declaredEntity';
import { AnalyzerProblem } from './types';
import {
  AnalyzerInputError,
  parseYamlDocuments,
  problemFrom,
} from './yamlFile';
import { isRecord } from './yamlShape';

/*
 * Reading Kubernetes manifests as `kubectl apply -f` would, and pulling out the facts the
 * inventory needs: images, hostnames, Secret Manager secrets and Workload Identity bindings.
 */

/** One Kubernetes object from a manifest, with where it was written. */
export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  name: string;
  /** `metadata.namespace` as written; unset for cluster-scoped objects or when set at apply time. */
  namespace?: string;
  annotations: Record<string, unknown>;
  spec: Record<string, unknown>;
  path: string;
  line: number;
};

/** The API group of an apiVersion: `cert-manager.io/v1` → `cert-manager.io`, `v1` → ``. */
const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

/** The value at a path of keys, or undefined where the path leaves the mappings. */
const at = (value: unknown, keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), value);

function toObject(
  value: Record<string, unknown>,
  path: string,
  line: number,
): KubernetesObject {
  const { apiVersion, kind, metadata } = value;
  const name = isRecord(metadata)
    ? metadata.name ?? metadata.generateName
    : undefined;
  if (
    typeof apiVersion !== 'string' ||
    typeof kind !== 'string' ||
    typeof name !== 'string'
  ) {
    throw new AnalyzerInputError(
      path,
      'a Kubernetes object needs a string apiVersion, kind and metadata.name',
      line,
    );
  }
  const namespace = isRecord(metadata) ? metadata.namespace : undefined;
  if (namespace !== undefined && typeof namespace !== 'string') {
    throw new AnalyzerInputError(
      path,
      `${kind} ${name}: metadata.namespace must be a string`,
      line,
    );
  }
  return {
    apiVersion,
    kind,
    name,
    ...(namespace ? { namespace } : {}),
    annotations:
      isRecord(metadata) && isRecord(metadata.annotations)
        ? metadata.annotations
        : {},
    spec: isRecord(value.spec) ? value.spec : {},
    path,
    line,
  };
}

/**
 * The Kubernetes objects of one manifest file. YAML that is not a Kubernetes object (no
 * `apiVersion` and no `kind`, such as Prow's config.yaml next to its manifests) is skipped
 * without a problem: apps/README.md says an app's `*.yaml` "can be more than k8s resources".
 * `kind: List` is flattened.
 */
export function readKubernetesObjects(
  path: string,
  content: string,
): { objects: KubernetesObject[]; problems: AnalyzerProblem[] } {
  const objects: KubernetesObject[] = [];
  const problems: AnalyzerProblem[] = [];
  let parsed;
  try {
    parsed = parseYamlDocuments(content, path);
  } catch (e) {
    return { objects, problems: [problemFrom(e)] };
  }
  problems.push(...parsed.errors.map(problemFrom));
  const add = (value: unknown, line: number) => {
    if (
      !isRecord(value) ||
      (value.apiVersion === undefined && value.kind === undefined)
    ) {
      return;
    }
    if (
      typeof value.kind === 'string' &&
      value.kind.endsWith('List') &&
      Array.isArray(value.items)
    ) {
      value.items.forEach(item => add(item, line));
      return;
    }
    try {
      objects.push(toObject(value, path, line));
    } catch (e) {
      problems.push(problemFrom(e));
    }
  };
  for (const doc of parsed.documents) add(doc.value, doc.line);
  // Parse errors and object errors, in the order they appear in the file.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { objects, problems };
}

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: [],
  Deployment: ['template', 'spec'],
  StatefulSet: ['template', 'spec'],
  DaemonSet: ['template', 'spec'],
  ReplicaSet: ['template', 'spec'],
  ReplicationController: ['template', 'spec'],
  Job: ['template', 'spec'],
  CronJob: ['jobTemplate', 'spec', 'template', 'spec'],
};

/** Images of a workload's containers, init containers and ephemeral containers. */
export function imagesOf(object: KubernetesObject): string[] {
  const path = POD_SPEC_PATHS[object.kind];
  const pod = path ? at(object.spec, path) : undefined;
  if (!isRecord(pod)) return [];
  return ['containers', 'initContainers', 'ephemeralContainers'].flatMap(key =>
    strings(records(pod[key]).map(c => c.image)),
  );
}

/**
 * Hostnames an object serves or holds a certificate for: Ingress rules and TLS hosts, GKE
 * ManagedCertificate domains, cert-manager Certificate dnsNames, Gateway API route hostnames.
 */
export function hostnamesOf(object: KubernetesObject): string[] {
  const { kind, spec } = object;
  const group = groupOf(object.apiVersion);
  let names: string[] = [];
  if (kind === 'Ingress') {
    names = [
      ...strings(records(spec.rules).map(r => r.host)),
      ...records(spec.tls).flatMap(t => strings(t.hosts)),
    ];
  } else if (kind === 'ManagedCertificate') {
    names = strings(spec.domains);
  } else if (
    kind === 'Certificate' &&
    /(^|\.)cert-?manager\.(io|k8s\.io)$/.test(group)
  ) {
    names = strings(spec.dnsNames);
  } else if (group === 'gateway.networking.k8s.io' && kind.endsWith('Route')) {
    names = strings(spec.hostnames);
  }
  return sortedUnique(names.map(n => n.toLowerCase().replace(/\.$/, '')));
}

/** The GCP service account a Kubernetes ServiceAccount impersonates through Workload Identity. */
export function workloadIdentityOf(
  object: KubernetesObject,
): string | undefined {
  const email = object.annotations['iam.gke.io/gcp-service-account'];
  return object.kind === 'ServiceAccount' && typeof email === 'string' && email
    ? email
    : undefined;
}

/**
 * The Kubernetes service account a workload's pods run as (`serviceAccountName`, or the
 * deprecated `serviceAccount`); undefined when they run as the namespace's `default`.
 */
export function podServiceAccountOf(
  object: KubernetesObject,
): string | undefined {
  const path = POD_SPEC_PATHS[object.kind];
  const pod = path ? at(object.spec, path) : undefined;
  if (!isRecord(pod)) return undefined;
  const name = pod.serviceAccountName ?? pod.serviceAccount;
  return typeof name === 'string' && name && name !== 'default'
    ? name
    : undefined;
}

/**
 * The reserved IP addresses an object is reached at: the global address an Ingress names
 * (`kubernetes.io/ingress.global-static-ip-name`), and the `loadBalancerIP` a LoadBalancer
 * Service asks for.
 */
export function staticIpsOf(object: KubernetesObject): string[] {
  if (object.kind === 'Ingress') {
    const name =
      object.annotations['kubernetes.io/ingress.global-static-ip-name'];
    return typeof name === 'string' && name ? [name] : [];
  }
  if (object.kind === 'Service' && object.spec.type === 'LoadBalancer') {
    const ip = object.spec.loadBalancerIP;
    return typeof ip === 'string' && ip ? [ip] : [];
  }
  return [];
}

/** A Secret Manager secret, by project and secret ID. */
export type SecretRef = { projectId: string; secretId: string };

/** `my-secret` in the default project, or a full `projects/P/secrets/S[/versions/V]` name. */
function secretRef(key: string, projectId: string): SecretRef {
  const full = /^projects\/([^/]+)\/secrets\/([^/]+)/.exec(key);
  return full
    ? { projectId: full[1], secretId: full[2] }
    : { projectId, secretId: key };
}

/**
 * Secret Manager secrets an ExternalSecret reads:
 * - kubernetes-client.io (kubernetes-external-secrets, which k8s.io runs): `backendType:
 *   gcpSecretsManager`, `spec.projectId` (else the default project), `spec.data[].key` and
 *   `spec.dataFrom[]`; other backends (AWS, Vault) are not GCP secrets and are skipped;
 * - external-secrets.io: `spec.data[].remoteRef.key` and `spec.dataFrom[].extract.key`, in
 *   the project of the referenced SecretStore when the same manifests declare it with a
 *   `gcpsm` provider, else in the default project.
 */
export function secretsOf(
  object: KubernetesObject,
  defaultProject: string,
  stores: ReadonlyMap<string, KubernetesObject> = new Map(),
): SecretRef[] {
  if (object.kind !== 'ExternalSecret') return [];
  const { spec } = object;
  const group = groupOf(object.apiVersion);
  if (group === 'kubernetes-client.io') {
    if (spec.backendType !== 'gcpSecretsManager') return [];
    const project =
      typeof spec.projectId === 'string' ? spec.projectId : defaultProject;
    const keys = strings([
      ...records(spec.data).map(d => d.key),
      ...(Array.isArray(spec.dataFrom) ? spec.dataFrom : []),
    ]);
    return keys.map(k => secretRef(k, project));
  }
  if (group === 'external-secrets.io') {
    const ref = isRecord(spec.secretStoreRef) ? spec.secretStoreRef : {};
    const store = stores.get(`${ref.kind ?? 'SecretStore'}/${ref.name}`);
    const provider = at(store?.spec, ['provider']);
    // A store declared for another backend (AWS, Vault): not GCP secrets.
    if (isRecord(provider) && !isRecord(provider.gcpsm)) return [];
    const projectId = at(provider, ['gcpsm', 'projectID']);
    const project = typeof projectId === 'string' ? projectId : defaultProject;
    const keys = strings([
      ...records(spec.data).map(d => at(d, ['remoteRef', 'key'])),
      ...records(spec.dataFrom).map(d => at(d, ['extract', 'key'])),
    ]);
    return keys.map(k => secretRef(k, project));
  }
  return [];
}
