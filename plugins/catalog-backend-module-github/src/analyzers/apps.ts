import {
  ANNOTATIONS,
  GkeClusterId,
  RESOURCE_TYPES,
  gcpSecretEntityName,
  gcpServiceAccountEntityName,
  gkeClusterEntityName,
  kubernetesAppEntityName,
  kubernetesNamespaceEntityName,
  kubernetesServiceAccountEntityName,
} from '@infra-atlas/inventory-common';
import { declaredEntity, resourceRef, sortedUnique } from './declaredEntity';
import {
  KubernetesObject,
  hostnamesOf,
  imagesOf,
  podServiceAccountOf,
  readKubernetesObjects,
  secretsOf,
  staticIpsOf,
  workloadIdentityOf,
} from './kubernetesManifests';
import { createAnalyzer } from './definition';
import { AnalyzerContext, AnalyzerOutput, AnalyzerProblem } from './types';

/*
 * Apps as kubernetes/k8s.io lays them out (apps/README.md): each directory under `apps/` is
 * one app, deployed with `kubectl apply` of its `*.yaml` to the `aaa` cluster, in a
 * namespace named after the app unless its manifests say otherwise.
 */

export type AnalyzeAppsOptions = {
  /** The directory whose subdirectories are apps: `apps`. */
  path: string;
  /** The cluster every app is deployed to (k8s.io: `aaa` in kubernetes-public, us-central1). */
  cluster: GkeClusterId;
  /** Project of Secret Manager secrets an ExternalSecret names without one; default: the cluster's. */
  secretsProject?: string;
  /**
   * Namespaces per app name, for apps whose deploy script chooses them (`kubectl -n`): these
   * replace what the manifests say. Without an override, an app's namespaces are the ones its
   * manifests declare (`Namespace` objects and `metadata.namespace`), or the app's name when
   * they declare none. Objects without a namespace are taken to go to the declared ones
   * (k8s.io's `k8s-io` applies them to `k8s-io-canary` and `k8s-io-prod`).
   */
  namespaces?: Record<string, string[]>;
};

type App = {
  name: string;
  dir: string;
  objects: KubernetesObject[];
  namespaces: string[];
};

/**
 * The first paragraph of prose in a README, for a description: headings (ATX and setext),
 * code, tables, lists and HTML are skipped.
 */
export function firstParagraph(markdown: string): string | undefined {
  for (const block of markdown.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map(l => l.trim())
      .filter(l => l && !l.startsWith('#'));
    const isSetextHeading = lines.length === 2 && /^(=+|-+)$/.test(lines[1]);
    if (
      lines.length === 0 ||
      isSetextHeading ||
      /^(```|~~~|\||<|[-*+] |\d+\. )/.test(lines[0])
    ) {
      continue;
    }
    const text = lines.join(' ');
    return text.length > 400 ? `${text.slice(0, 399)}…` : text;
  }
  return undefined;
}

function namespacesOf(
  name: string,
  objects: KubernetesObject[],
  override: string[] | undefined,
): string[] {
  if (override) return sortedUnique(override);
  const declared = sortedUnique([
    ...objects.filter(o => o.kind === 'Namespace').map(o => o.name),
    ...objects.flatMap(o => (o.namespace ? [o.namespace] : [])),
  ]);
  return declared.length > 0 ? declared : [name];
}

/** Where an object is applied: its own namespace, else every namespace of its app. */
const namespacesOfObject = (object: KubernetesObject, app: App) =>
  object.namespace ? [object.namespace] : app.namespaces;

/** A Kubernetes service account an app declares, in one namespace. */
type ServiceAccountDeclaration = {
  app: App;
  object: KubernetesObject;
  namespace: string;
};

/**
 * The Kubernetes service accounts the apps declare, by `namespace/name`; the first app (by
 * name) to declare one owns it.
 */
function declaredServiceAccounts(
  apps: App[],
): Map<string, ServiceAccountDeclaration> {
  const declared = new Map<string, ServiceAccountDeclaration>();
  for (const app of apps) {
    for (const object of app.objects.filter(o => o.kind === 'ServiceAccount')) {
      for (const namespace of namespacesOfObject(object, app)) {
        const key = `${namespace}/${object.name}`;
        if (!declared.has(key)) declared.set(key, { app, object, namespace });
      }
    }
  }
  return declared;
}

/**
 * Who owns a namespace that several apps use: the app that declares its `Namespace` object,
 * else the app named like it, else the first app by name. Sharing is legitimate (any app
 * may put a leader-election Role into kube-system, as cert-manager does), so it is not
 * reported as a problem; the catalog shows every app in a namespace through `hosts`.
 */
function namespaceOwner(
  namespace: string,
  apps: App[],
): { app: App; declaration?: KubernetesObject } {
  for (const app of apps) {
    const declaration = app.objects.find(
      o => o.kind === 'Namespace' && o.name === namespace,
    );
    if (declaration) return { app, declaration };
  }
  return { app: apps.find(a => a.name === namespace) ?? apps[0] };
}

/** Apps under `options.path`: a Component per app and a Resource per namespace they use. */
export function analyzeApps(
  ctx: AnalyzerContext,
  options: AnalyzeAppsOptions,
): AnalyzerOutput {
  const { cluster } = options;
  const root = options.path.replace(/\/+$/, '');
  const secretsProject = options.secretsProject ?? cluster.projectId;
  const clusterRef = resourceRef(
    gkeClusterEntityName(cluster.projectId, cluster.location, cluster.name),
  );
  const nsRef = (ns: string) =>
    resourceRef(kubernetesNamespaceEntityName(cluster, ns));
  const problems: AnalyzerProblem[] = [];

  const filesByApp = new Map<string, string[]>();
  for (const path of [...ctx.snapshot.files.keys()].sort()) {
    const rest = path.startsWith(`${root}/`)
      ? path.slice(root.length + 1)
      : undefined;
    if (!rest?.includes('/')) continue;
    const name = rest.slice(0, rest.indexOf('/'));
    if (!filesByApp.has(name)) filesByApp.set(name, []);
    filesByApp.get(name)!.push(path);
  }

  const apps: App[] = [...filesByApp].map(([name, files]) => {
    const objects = files
      .filter(f => /\.ya?ml$/.test(f))
      .flatMap(f => {
        const read = readKubernetesObjects(f, ctx.snapshot.files.get(f)!);
        problems.push(...read.problems);
        return read.objects;
      });
    return {
      name,
      dir: `${root}/${name}`,
      objects,
      namespaces: namespacesOf(name, objects, options.namespaces?.[name]),
    };
  });

  const serviceAccountsDeclared = declaredServiceAccounts(apps);
  const ksaRef = (key: string) => {
    const { namespace, object } = serviceAccountsDeclared.get(key)!;
    return resourceRef(
      kubernetesServiceAccountEntityName(cluster, namespace, object.name),
    );
  };

  const entities = apps.map(app => {
    const { objects, dir } = app;
    const stores = new Map(
      objects
        .filter(o => o.kind.endsWith('SecretStore'))
        .map(o => [`${o.kind}/${o.name}`, o]),
    );
    const images = sortedUnique(objects.flatMap(imagesOf));
    const hosts = sortedUnique(objects.flatMap(hostnamesOf));
    const secrets = objects
      .flatMap(o => secretsOf(o, secretsProject, stores))
      .map(s => resourceRef(gcpSecretEntityName(s.projectId, s.secretId)));
    const serviceAccounts = objects
      .flatMap(o => workloadIdentityOf(o) ?? [])
      .map(email => resourceRef(gcpServiceAccountEntityName(email)));
    // The identities it runs as: the service accounts it declares and those its pods name
    // (when some app declares them; `default` and undeclared ones are not in the manifests).
    const kubernetesServiceAccounts = objects
      .flatMap(o => {
        const names =
          o.kind === 'ServiceAccount' ? [o.name] : [podServiceAccountOf(o)];
        return names.flatMap(name =>
          name ? namespacesOfObject(o, app).map(ns => `${ns}/${name}`) : [],
        );
      })
      .filter(key => serviceAccountsDeclared.has(key))
      .map(ksaRef);
    const staticIps = sortedUnique(objects.flatMap(staticIpsOf));
    const readme = ctx.snapshot.files.get(`${dir}/README.md`);
    const tree = ctx.treeUrl(dir);
    return declaredEntity(ctx, {
      kind: 'Component',
      name: kubernetesAppEntityName(cluster, app.name),
      title: app.name,
      description: readme === undefined ? undefined : firstParagraph(readme),
      declaredIn: tree,
      ownerPath: dir,
      annotations: {
        [ANNOTATIONS.containerImages]: images.join(',') || undefined,
        [ANNOTATIONS.hostnames]: hosts.join(',') || undefined,
        [ANNOTATIONS.staticIps]: staticIps.join(',') || undefined,
        [ANNOTATIONS.gcpProjectId]: cluster.projectId,
        'backstage.io/source-location': `url:${tree}`,
        'backstage.io/techdocs-ref':
          readme === undefined ? undefined : `url:${tree}`,
      },
      links: hosts
        .filter(h => !h.includes('*'))
        .map(h => ({ url: `https://${h}`, title: h })),
      spec: {
        type: 'service',
        lifecycle: 'production',
        runsOn: app.namespaces.map(nsRef),
        dependsOn: sortedUnique([
          ...secrets,
          ...serviceAccounts,
          ...kubernetesServiceAccounts,
        ]),
      },
    });
  });

  const namespaces = sortedUnique(apps.flatMap(a => a.namespaces));
  for (const ns of namespaces) {
    const { app, declaration } = namespaceOwner(
      ns,
      apps.filter(a => a.namespaces.includes(ns)),
    );
    entities.push(
      declaredEntity(ctx, {
        kind: 'Resource',
        name: kubernetesNamespaceEntityName(cluster, ns),
        title: ns,
        description: `Kubernetes namespace ${ns} on GKE cluster ${cluster.name} (${cluster.projectId}, ${cluster.location}).`,
        declaredIn: declaration
          ? ctx.fileUrl(declaration.path)
          : ctx.treeUrl(app.dir),
        ownerPath: app.dir,
        annotations: { [ANNOTATIONS.gcpProjectId]: cluster.projectId },
        spec: {
          type: RESOURCE_TYPES.kubernetesNamespace,
          runsOn: [clusterRef],
        },
      }),
    );
  }
  for (const { app, object, namespace } of serviceAccountsDeclared.values()) {
    const email = workloadIdentityOf(object);
    entities.push(
      declaredEntity(ctx, {
        kind: 'Resource',
        name: kubernetesServiceAccountEntityName(
          cluster,
          namespace,
          object.name,
        ),
        title: `${object.name} (${namespace})`,
        description: `Kubernetes service account ${
          object.name
        } in namespace ${namespace} on GKE cluster ${cluster.name}${
          email
            ? `; acts as GCP service account ${email} through Workload Identity`
            : ''
        }.`,
        declaredIn: ctx.fileUrl(object.path),
        ownerPath: app.dir,
        annotations: { [ANNOTATIONS.gcpProjectId]: cluster.projectId },
        spec: {
          type: RESOURCE_TYPES.kubernetesServiceAccount,
          parent: nsRef(namespace),
          dependsOn: email
            ? [resourceRef(gcpServiceAccountEntityName(email))]
            : [],
        },
      }),
    );
  }
  return { entities, problems };
}

/** `apps`: Kubernetes apps, one per directory under `path`, deployed to one GKE cluster. */
export const appsAnalyzer = createAnalyzer({
  type: 'apps',
  options: z =>
    z.strictObject({
      path: z.string().default('apps'),
      cluster: z.strictObject({
        projectId: z.string(),
        location: z.string(),
        name: z.string(),
      }),
      secretsProject: z.string().optional(),
      namespaces: z.record(z.string(), z.array(z.string())).default({}),
    }),
  paths: options => [options.path],
  analyze: analyzeApps,
});
