import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RESOURCE_TYPES,
  entityName,
  gcpProjectEntityName,
  gcpServiceAccountEntityName,
} from '@infra-atlas/inventory-common';
import { declaredEntity, resourceRef, sortedUnique } from './declaredEntity';
import { createAnalyzer } from './definition';
import { AnalyzerContext, AnalyzerOutput, AnalyzerProblem } from './types';
import {
  AnalyzerInputError,
  parseYamlWithLines,
  problemFrom,
} from './yamlFile';
import { isRecord } from './yamlShape';

/*
 * registry.k8s.io's image promotion (registry.k8s.io/manifests/README.md): each staging
 * sub-project has `manifests/<staging>/promoter-manifest.yaml` listing one source registry
 * (`src: true`, the staging project's registry) and the production registries the promoter
 * copies to, each with the service account that writes there. The images it promotes are
 * listed in `images/<staging>/images.yaml` next to `manifests/` (`- name: kube-apiserver`,
 * with a `dmap` of digests to tags).
 */

export type AnalyzePromoterOptions = {
  /** `registry.k8s.io/manifests`. */
  path: string;
  /** The registry people pull from; default `registry.k8s.io`. */
  registryName?: string;
  /** `registry.k8s.io/images`: `<staging>/images.yaml` lists what each staging project promotes. */
  imagesPath?: string;
};

/** What one promoter manifest declares. */
export type PromoterManifest = {
  /** The directory name: `k8s-staging-addon-manager`. */
  staging: string;
  path: string;
  source: string;
  /** The GCP project of the source registry (`gcr.io/<project>`, `<region>-docker.pkg.dev/<project>/…`). */
  sourceProject: string;
  destinations: string[];
  serviceAccounts: string[];
};

/** The image names an `images.yaml` lists. Throws a located `AnalyzerInputError` on a wrong shape. */
export function parseImagesList(path: string, content: string): string[] {
  const doc = parseYamlWithLines(content, path);
  if (!Array.isArray(doc.value)) {
    throw new AnalyzerInputError(
      path,
      'an images.yaml is a list of images, each with a name',
      doc.line,
    );
  }
  return doc.value.map((image, i) => {
    if (!isRecord(image) || typeof image.name !== 'string' || !image.name) {
      throw new AnalyzerInputError(
        path,
        `image ${i + 1} needs a name`,
        doc.lineOf([i]),
      );
    }
    return image.name;
  });
}

/**
 * Where a destination registry's images appear under the public registry name: the path after
 * the registry's own root (`<host>/<project>/<repository>` on Artifact Registry,
 * `<host>/<project>` on Container Registry). registry.k8s.io serves
 * `…-docker.pkg.dev/k8s-artifacts-prod/images/addon-manager` as `registry.k8s.io/addon-manager`.
 */
function publicSubPath(destination: string): string {
  const parts = destination.split('/');
  const root = parts[0].endsWith('-docker.pkg.dev') ? 3 : 2;
  return parts.slice(root).join('/');
}

/** The references people pull a promotion's images by: `registry.k8s.io/kube-apiserver`. */
function promotedImages(
  registryName: string,
  destinations: string[],
  images: string[],
): string[] {
  const subPaths = sortedUnique(destinations.map(publicSubPath));
  return sortedUnique(
    images.flatMap(image =>
      subPaths.map(sub => [registryName, sub, image].filter(Boolean).join('/')),
    ),
  );
}

/** Where the image lists are: `imagesPath`, else `images/` next to the manifests' directory. */
function imagesRootOf(options: AnalyzePromoterOptions): string {
  const manifests = options.path.replace(/\/+$/, '');
  return (options.imagesPath ?? manifests.replace(/[^/]+$/, 'images')).replace(
    /\/+$/,
    '',
  );
}

/** Reads one promoter manifest. Throws a located `AnalyzerInputError` on a wrong shape. */
export function parsePromoterManifest(
  path: string,
  content: string,
): PromoterManifest {
  const doc = parseYamlWithLines(content, path);
  const fail = (line: number | undefined, message: string): never => {
    throw new AnalyzerInputError(path, message, line);
  };
  const registries = isRecord(doc.value) ? doc.value.registries : undefined;
  if (!Array.isArray(registries) || registries.length === 0) {
    return fail(
      doc.line,
      "a promoter manifest needs a non-empty 'registries' list",
    );
  }
  registries.forEach((r, i) => {
    if (!isRecord(r) || typeof r.name !== 'string' || !r.name) {
      fail(doc.lineOf(['registries', i]), `registries[${i}] needs a name`);
    }
  });
  const entries = registries as Array<
    Record<string, unknown> & { name: string }
  >;
  const sources = entries.filter(r => r.src === true);
  if (sources.length !== 1) {
    return fail(
      doc.lineOf(['registries']),
      `a promoter manifest needs exactly one registry with 'src: true', found ${sources.length}`,
    );
  }
  const source = sources[0].name;
  const sourceProject = source.split('/')[1];
  if (!sourceProject) {
    return fail(
      doc.lineOf(['registries']),
      `source registry ${source} names no project`,
    );
  }
  const destinations = entries.filter(r => r.src !== true);
  return {
    staging: path.split('/').slice(-2, -1)[0] ?? '',
    path,
    source,
    sourceProject,
    destinations: destinations.map(r => r.name),
    serviceAccounts: sortedUnique(
      destinations.flatMap(r =>
        typeof r['service-account'] === 'string' ? [r['service-account']] : [],
      ),
    ),
  };
}

/**
 * A Resource per promoter manifest (the promotion of one staging project into the registry),
 * depending on the staging project and the promoter's service accounts; and a Resource for
 * the registry that depends on every promotion.
 */
export function analyzePromoterManifests(
  ctx: AnalyzerContext,
  options: AnalyzePromoterOptions,
): AnalyzerOutput {
  const root = options.path.replace(/\/+$/, '');
  const registryName = options.registryName ?? 'registry.k8s.io';
  const imagesRoot = imagesRootOf(options);
  const problems: AnalyzerProblem[] = [];
  const manifests: PromoterManifest[] = [];
  // `<root>/<staging>/promoter-manifest.yaml`, one level down only.
  const isManifest = (p: string) =>
    p.startsWith(`${root}/`) &&
    p.slice(root.length + 1).split('/').length === 2 &&
    p.endsWith('/promoter-manifest.yaml');
  for (const path of [...ctx.snapshot.files.keys()].filter(isManifest).sort()) {
    try {
      manifests.push(
        parsePromoterManifest(path, ctx.snapshot.files.get(path)!),
      );
    } catch (e) {
      problems.push(problemFrom(e));
    }
  }
  if (manifests.length === 0) {
    problems.push({
      path: root,
      message: `no ${root}/*/promoter-manifest.yaml found`,
    });
    return { entities: [], problems };
  }

  const imagesOf = (staging: string): string[] => {
    const path = `${imagesRoot}/${staging}/images.yaml`;
    const content = ctx.snapshot.files.get(path);
    if (content === undefined) return [];
    try {
      return parseImagesList(path, content);
    } catch (e) {
      problems.push(problemFrom(e));
      return [];
    }
  };

  const promotions: Entity[] = manifests.map(m => {
    const dir = `${root}/${m.staging}`;
    const images = promotedImages(
      registryName,
      m.destinations,
      imagesOf(m.staging),
    );
    return declaredEntity(ctx, {
      kind: 'Resource',
      name: entityName([RESOURCE_TYPES.registryPromotion, m.staging]),
      title: `${m.staging} → ${registryName}`,
      description: `Promotes images from ${m.source} to ${registryName} (${m.destinations.length} destination registries).`,
      declaredIn: ctx.fileUrl(m.path),
      ownerPath: dir,
      annotations: { [ANNOTATIONS.gcpProjectId]: m.sourceProject },
      spec: {
        type: RESOURCE_TYPES.registryPromotion,
        source: m.source,
        destinations: m.destinations,
        ...(images.length ? { images } : {}),
        dependsOn: [
          resourceRef(gcpProjectEntityName(m.sourceProject)),
          ...m.serviceAccounts.map(sa =>
            resourceRef(gcpServiceAccountEntityName(sa)),
          ),
        ],
      },
    });
  });
  const registry = declaredEntity(ctx, {
    kind: 'Resource',
    name: entityName([RESOURCE_TYPES.containerRegistry, registryName]),
    title: registryName,
    description: `Container image registry fed by ${manifests.length} staging projects through the image promoter.`,
    declaredIn: ctx.treeUrl(root),
    ownerPath: root,
    links: [{ url: `https://${registryName}`, title: registryName }],
    spec: {
      type: RESOURCE_TYPES.containerRegistry,
      dependsOn: promotions.map(p => resourceRef(p.metadata.name)),
    },
  });
  return { entities: [registry, ...promotions], problems };
}

/** `promoter-manifests`: image promotions from staging projects into a registry. */
export const promoterManifestsAnalyzer = createAnalyzer({
  type: 'promoter-manifests',
  options: z =>
    z.strictObject({
      path: z.string().default('registry.k8s.io/manifests'),
      registryName: z.string().default('registry.k8s.io'),
      imagesPath: z.string().default('registry.k8s.io/images'),
    }),
  paths: options => [options.path, imagesRootOf(options)],
  analyze: analyzePromoterManifests,
});
