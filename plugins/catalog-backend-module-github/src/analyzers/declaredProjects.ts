import { createAnalyzer } from './definition';
import { AnalyzerOutput } from './types';
import {
  AnalyzerInputError,
  parseYamlWithLines,
  problemFrom,
} from './yamlFile';
import { isRecord } from './yamlShape';

/*
 * infra/gcp/infra.yaml: the GCP projects sig-k8s-infra says it manages, by type.
 *
 *   infra:
 *     {project_type}:
 *       [managed_by: script]        # default for the type's projects
 *       projects:
 *         {project_id}:             # null,
 *         {project_id}: script      # a script (shorthand, as k8s-infra-purgatory), or
 *         {project_id}:
 *           [managed_by: script]    # overrides the type's
 *
 * For comparing what is declared with what the GCP crawl observes; it makes no entities.
 */

/** A project as infra.yaml declares it. */
export type DeclaredProject = {
  projectId: string;
  /** The file, and the 1-based line of the project's first declaration. */
  path: string;
  line: number;
  /** The file's blob URL at the crawled commit, once the transform knows the repository. */
  url?: string;
  /** The `infra.<type>` sections that list it, in file order. Usually one; k8s.io lists
   * `k8s-release-test-prod` under both `prod` and `release`. */
  types: string[];
  /** What manages it: the project's own `managed_by`, else its type's; one per type, unique. */
  managedBy: string[];
  /** Keys besides `managed_by` on the project, kept so that new fields show up. */
  unknownKeys: string[];
};

const optionalString = (value: unknown) =>
  typeof value === 'string' ? value : undefined;

/**
 * Parses infra.yaml. Throws an `AnalyzerInputError` naming the file and line of the first
 * thing that does not have the shape above.
 */
export function parseDeclaredProjects(
  path: string,
  content: string,
): DeclaredProject[] {
  const doc = parseYamlWithLines(content, path);
  const fail = (keys: Array<string | number>, message: string): never => {
    throw new AnalyzerInputError(path, message, doc.lineOf(keys) ?? doc.line);
  };
  const root = doc.value;
  if (!isRecord(root) || !isRecord(root.infra)) {
    return fail(
      ['infra'],
      "infra.yaml needs an 'infra' mapping of project types",
    );
  }
  const byId = new Map<string, DeclaredProject>();
  for (const [type, section] of Object.entries(root.infra)) {
    if (
      !isRecord(section) ||
      !(isRecord(section.projects) || section.projects === null)
    ) {
      fail(
        ['infra', type],
        `project type '${type}' needs a 'projects' mapping`,
      );
    }
    const { managed_by: typeManagedBy, projects } = section as Record<
      string,
      unknown
    >;
    if (typeManagedBy !== undefined && typeof typeManagedBy !== 'string') {
      fail(
        ['infra', type, 'managed_by'],
        `infra.${type}.managed_by must be a string`,
      );
    }
    for (const [projectId, value] of Object.entries(
      (projects as Record<string, unknown>) ?? {},
    )) {
      const keys = ['infra', type, 'projects', projectId];
      if (!(value === null || typeof value === 'string' || isRecord(value))) {
        fail(
          keys,
          `project ${projectId} must be empty, a managed_by string or a mapping`,
        );
      }
      const own = isRecord(value) ? value.managed_by : value;
      if (own !== null && own !== undefined && typeof own !== 'string') {
        fail(keys, `project ${projectId}: managed_by must be a string`);
      }
      const managedBy = optionalString(own) ?? optionalString(typeManagedBy);
      const existing = byId.get(projectId);
      const project = existing ?? {
        projectId,
        path,
        line: doc.lineOf(keys) ?? doc.line,
        types: [],
        managedBy: [],
        unknownKeys: [],
      };
      project.types.push(type);
      if (managedBy && !project.managedBy.includes(managedBy))
        project.managedBy.push(managedBy);
      if (isRecord(value)) {
        project.unknownKeys.push(
          ...Object.keys(value).filter(k => k !== 'managed_by'),
        );
      }
      byId.set(projectId, project);
    }
  }
  return [...byId.values()];
}

/**
 * `declared-gcp-projects`: no entities; the projects of infra.yaml are kept with the run as
 * the fact `declaredGcpProjects`, each with the file's URL so that drift can link to its line.
 */
export const declaredGcpProjectsAnalyzer = createAnalyzer({
  type: 'declared-gcp-projects',
  options: z =>
    z.strictObject({ path: z.string().default('infra/gcp/infra.yaml') }),
  paths: options => [options.path],
  analyze: (ctx, { path }): AnalyzerOutput => {
    const content = ctx.snapshot.files.get(path);
    if (content === undefined) {
      return {
        entities: [],
        problems: [{ path, message: 'file not found', unread: true }],
      };
    }
    try {
      const url = ctx.fileUrl(path);
      const declaredGcpProjects = parseDeclaredProjects(path, content).map(
        project => ({ ...project, url }),
      );
      return { entities: [], problems: [], facts: { declaredGcpProjects } };
    } catch (error) {
      return { entities: [], problems: [problemFrom(error)] };
    }
  },
});
