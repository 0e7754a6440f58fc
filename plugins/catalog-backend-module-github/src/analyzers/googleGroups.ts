import { posix } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import {
  emailPrincipalEntityName,
  gcpServiceAccountEntityName,
  GOOGLE_GROUP_TYPE,
} from '@infra-atlas/inventory-common';
import {
  atLine,
  compact,
  declaredAnnotations,
  membershipAnnotations,
  sortedUnique,
} from './declaredEntity';
import { isEmailAddress } from './identifiers';
import { createAnalyzer } from './definition';
import {
  AnalyzerContext,
  AnalyzerOutput,
  AnalyzerProblem,
  problemAt,
} from './types';
import { isRecord, readYaml } from './yamlShape';

/*
 * Google Groups declared in git, as kubernetes/k8s.io does it: every `groups.yaml` below the
 * groups directory lists groups (`email-id`, `name`, `description`, `settings`, `owners`,
 * `managers`, `members`), and k8s.io's reconciler (groups/reconcile.go) makes Google Workspace
 * match. Its rules, mirrored here:
 * - `config.yaml` names the groups directory (`groups-path`) and the restrictions file
 *   (`restrictions-path`), both relative to itself; by default, its own directory and
 *   `restrictions.yaml` there;
 * - files are read in directory-walk order, and a group defined a second time is an error
 *   (here: a problem, and the first definition counts);
 * - `restrictions.yaml` lists `{ path, allowedGroups }`: the first entry whose `path` (a
 *   doublestar glob, relative to the groups directory) matches a groups.yaml decides which
 *   e-mail addresses (unanchored regular expressions) it may define; a file no entry matches
 *   may define any. The reconciler refuses to run on a violation; here it is a problem and the
 *   group is still shown, since the file declares it.
 * E-mail addresses are compared case-insensitively and lower-cased.
 */

type Role = 'owners' | 'managers' | 'members';
const ROLES: Role[] = ['owners', 'managers', 'members'];

export type GoogleGroupDeclaration = {
  /** Lower-cased. */
  email: string;
  name?: string;
  description?: string;
  settings: Record<string, string>;
  /** Lower-cased addresses: people, other groups, service accounts. */
  owners: string[];
  managers: string[];
  members: string[];
  /** Repository path of the groups.yaml, and the line of `email-id` in it where known. */
  path: string;
  line?: number;
  /** The line of each listed address's entry, where known. */
  memberLines: Record<string, number>;
};

export type GroupsRestriction = {
  /** Glob relative to the groups directory, e.g. `sig-k8s-infra/groups.yaml` or `**\/*`. */
  path: string;
  allowedGroups: RegExp[];
};

const GROUP_KEYS = ['email-id', 'name', 'description', 'settings', ...ROLES];

/** Reads one groups.yaml. Never throws on bad input: what cannot be read is a problem. */
export function parseGroupsYaml(
  path: string,
  content: string,
): { groups: GoogleGroupDeclaration[]; problems: AnalyzerProblem[] } {
  const read = readYaml(path, content);
  if ('problem' in read) return { groups: [], problems: [read.problem] };
  const { shape } = read;
  const top = shape.mapping(shape.value ?? {}, '', ['groups']) ?? {};
  const groups = shape.list(top.groups, 'groups').flatMap((item, i) => {
    const where = `groups[${i}]`;
    const raw = shape.mapping(item, where, GROUP_KEYS);
    if (!raw) return [];
    const written = shape.text(raw['email-id'], `${where}.email-id`);
    const line = shape.lineOf(['groups', i, 'email-id']);
    if (!written || !isEmailAddress(written)) {
      shape.report(
        where,
        written
          ? `'${written}' is not an e-mail address; group left out`
          : "has no 'email-id'; group left out",
        line ?? shape.lineOf(['groups', i]),
      );
      return [];
    }
    const email = written.toLowerCase();
    const at = `groups '${email}'`;
    const settings = Object.entries(
      raw.settings === undefined
        ? {}
        : shape.mapping(raw.settings, `${at}.settings`) ?? {},
    ).flatMap(([key, value]) => {
      const text = shape.text(value, `${at}.settings.${key}`);
      return text === undefined ? [] : [[key, text] as const];
    });
    // Google gives an address one role per group; a second listing would be reconciled
    // away, so it is reported and the first role kept.
    const listed = new Set<string>();
    const memberLines: Record<string, number> = {};
    const roles = Object.fromEntries(
      ROLES.map(role => [
        role,
        shape.list(raw[role], `${at}.${role}`).flatMap((entry, j) => {
          const address = shape.text(entry, `${at}.${role}[${j}]`);
          const entryLine = shape.lineOf(['groups', i, role, j]);
          if (!address || !isEmailAddress(address)) {
            if (address) {
              shape.report(
                `${at}.${role}[${j}]`,
                `'${address}' is not an e-mail address`,
                entryLine,
              );
            }
            return [];
          }
          const lower = address.toLowerCase();
          if (listed.has(lower)) {
            shape.report(
              at,
              `'${address}' is listed more than once`,
              entryLine,
            );
            return [];
          }
          listed.add(lower);
          if (entryLine) memberLines[lower] = entryLine;
          return [lower];
        }),
      ]),
    ) as Record<Role, string[]>;
    return [
      compact({
        email,
        name: shape.text(raw.name, `${at}.name`),
        description: shape.text(raw.description, `${at}.description`),
        settings: Object.fromEntries(settings),
        ...roles,
        path,
        line,
        memberLines,
      }),
    ];
  });
  return { groups, problems: shape.problems };
}

/**
 * A doublestar glob (`**` for any number of directories, `*` and `?` within one, `[…]`
 * classes, `\` escapes) as a regular expression on slash-separated paths.
 */
function globToRegExp(glob: string): RegExp {
  const segment = (part: string) =>
    part.replace(
      /\\(.)|(\*)|(\?)|(\[!?[^\]]*\])|([.+^${}()|\\])/g,
      (_, escaped, star, question, klass, special) => {
        if (escaped !== undefined) return `\\${escaped}`;
        if (star) return '[^/]*';
        if (question) return '[^/]';
        if (klass) return klass.replace(/^\[!/, '[^');
        return `\\${special}`;
      },
    );
  const parts = glob.split('/');
  const source = parts
    .map((part, i) => {
      if (part !== '**')
        return segment(part) + (i < parts.length - 1 ? '/' : '');
      return i < parts.length - 1 ? '(?:[^/]+/)*' : '.*';
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** Reads restrictions.yaml. Never throws on bad input. */
export function parseRestrictionsYaml(
  path: string,
  content: string,
): { restrictions: GroupsRestriction[]; problems: AnalyzerProblem[] } {
  const read = readYaml(path, content);
  if ('problem' in read) {
    return { restrictions: [], problems: [read.problem] };
  }
  const { shape } = read;
  const top = shape.mapping(shape.value ?? {}, '', ['restrictions']) ?? {};
  const restrictions = shape
    .list(top.restrictions, 'restrictions')
    .flatMap((item, i) => {
      const where = `restrictions[${i}]`;
      const raw = shape.mapping(item, where, ['path', 'allowedGroups']);
      const glob = raw && shape.text(raw.path, `${where}.path`);
      if (!raw || !glob) {
        if (raw) {
          shape.report(
            where,
            "has no 'path'; left out",
            shape.lineOf(['restrictions', i]),
          );
        }
        return [];
      }
      const allowedGroups = shape
        .list(raw.allowedGroups, `${where}.allowedGroups`)
        .flatMap((pattern, j) => {
          const source = shape.text(pattern, `${where}.allowedGroups[${j}]`);
          try {
            return source === undefined ? [] : [new RegExp(source)];
          } catch {
            shape.report(
              `${where}.allowedGroups[${j}]`,
              `'${source}' is not a valid regular expression`,
              shape.lineOf(['restrictions', i, 'allowedGroups', j]),
            );
            return [];
          }
        });
      return [{ path: glob, allowedGroups }];
    });
  return { restrictions, problems: shape.problems };
}

/** The restriction that applies to a groups.yaml (path relative to the groups directory). */
export function restrictionFor(
  restrictions: GroupsRestriction[],
  relativePath: string,
): GroupsRestriction | undefined {
  return restrictions.find(r => globToRegExp(r.path).test(relativePath));
}

/** filepath.Walk order: a directory's entries by name, each directory before what follows. */
function walkOrder(a: string, b: string): number {
  const [x, y] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

type GroupsLayout = {
  /** The groups directory, `.` for the repository root. */
  root: string;
  restrictionsPath?: string;
  problems: AnalyzerProblem[];
};

/** Where the groups are and which file restricts them: from config.yaml, else by default. */
function groupsLayout(
  files: Array<{ path: string; content: string }>,
): GroupsLayout {
  const depth = (path: string) => path.split('/').length;
  const shallowest = (name: string) =>
    files
      .filter(f => posix.basename(f.path) === name)
      .sort(
        (a, b) => depth(a.path) - depth(b.path) || walkOrder(a.path, b.path),
      )[0];
  const config = shallowest('config.yaml');
  const restrictions = shallowest('restrictions.yaml');
  if (!config) {
    return {
      root: restrictions ? posix.dirname(restrictions.path) : '.',
      restrictionsPath: restrictions?.path,
      problems: [],
    };
  }
  const read = readYaml(config.path, config.content);
  if ('problem' in read) return { root: '.', problems: [read.problem] };
  // Only two keys matter here; the rest of the file is the reconciler's business.
  const { shape } = read;
  const raw = isRecord(shape.value) ? shape.value : {};
  const dir = posix.dirname(config.path);
  const relative = (value: unknown, key: string, fallback: string) =>
    posix.join(dir, shape.text(value, key) ?? fallback);
  return {
    root: relative(raw['groups-path'], 'groups-path', '.'),
    restrictionsPath: relative(
      raw['restrictions-path'],
      'restrictions-path',
      'restrictions.yaml',
    ),
    problems: shape.problems,
  };
}

export type GoogleGroupsOptions = {
  /**
   * Regular expressions on e-mail addresses: a member that no file declares is a group
   * managed elsewhere (`contributors@kubernetes.io`) when its address matches one, and a
   * person otherwise. `@googlegroups.com` addresses are always groups: Google gives no person
   * such an address.
   */
  undeclaredGroups?: RegExp[];
};

const groupsUrl = (email: string) => {
  const [local, domain] = email.split('@');
  return domain === 'googlegroups.com'
    ? `https://groups.google.com/g/${local}`
    : `https://groups.google.com/a/${domain}/g/${local}`;
};

/**
 * The groups the reconciler would create from these files, first definitions only, with what
 * it would refuse (duplicates, restriction violations) and what cannot be read as problems.
 */
export function declaredGoogleGroups(
  files: Array<{ path: string; content: string }>,
): { groups: GoogleGroupDeclaration[]; problems: AnalyzerProblem[] } {
  const layout = groupsLayout(files);
  const problems = [...layout.problems];
  const restrictionsFile = files.find(f => f.path === layout.restrictionsPath);
  const restrictions = restrictionsFile
    ? parseRestrictionsYaml(restrictionsFile.path, restrictionsFile.content)
    : { restrictions: [], problems: [] };
  problems.push(...restrictions.problems);

  const declared = new Map<string, GoogleGroupDeclaration>();
  const groupFiles = files
    .filter(f => posix.basename(f.path) === 'groups.yaml')
    .sort((a, b) => walkOrder(a.path, b.path));
  for (const file of groupFiles) {
    const relativePath = posix.relative(layout.root, file.path);
    if (relativePath.startsWith('../')) {
      problems.push({
        path: file.path,
        message: `outside the groups directory '${layout.root}'; the reconciler does not read it`,
      });
      continue;
    }
    const parsed = parseGroupsYaml(file.path, file.content);
    problems.push(...parsed.problems);
    const restriction = restrictionFor(restrictions.restrictions, relativePath);
    for (const group of parsed.groups) {
      if (
        restriction &&
        !restriction.allowedGroups.some(re => re.test(group.email))
      ) {
        problems.push(
          problemAt(
            file.path,
            group.line,
            `${layout.restrictionsPath} does not allow '${group.email}' to be defined in ${relativePath} (rule '${restriction.path}')`,
          ),
        );
      }
      const first = declared.get(group.email);
      if (first) {
        problems.push(
          problemAt(
            file.path,
            group.line,
            `'${group.email}' is already defined in ${first.path}; the first definition counts`,
          ),
        );
        continue;
      }
      declared.set(group.email, group);
    }
  }
  return { groups: [...declared.values()], problems };
}

/**
 * Turns groups.yaml files (with config.yaml and restrictions.yaml when given) into catalog
 * entities: a Group per declared Google Group, a User per person. Names come from
 * `emailPrincipalEntityName`, the names the GCP provider gives IAM principals, so that a group
 * granted a role in GCP and the group declared here are one entity.
 *
 * - Google counts owners and managers as members, so all three roles make a person
 *   `memberOf` the group and a group nested in any role one of its `children`.
 * - Backstage has no notion of who may administer a group, so `spec.owners` and
 *   `spec.managers` list those refs (users or groups) for people to read.
 * - Service accounts cannot be Users: they are Resources of the GCP provider, listed in
 *   `spec.serviceAccounts` by that ref.
 */
export function googleGroupsToEntities(
  files: Array<{ path: string; content: string }>,
  ctx: AnalyzerContext,
  options: GoogleGroupsOptions = {},
): AnalyzerOutput {
  const { groups: declared, problems } = declaredGoogleGroups(files);
  const declaredEmails = new Set(declared.map(g => g.email));
  // A person taken for a group would vanish behind a Group nobody declares, so only what the
  // files define, Google's own group domain and the configured patterns are groups.
  const isGroup = (email: string) =>
    declaredEmails.has(email) ||
    email.endsWith('@googlegroups.com') ||
    (options.undeclaredGroups ?? []).some(pattern => pattern.test(email));
  const isServiceAccount = (email: string) =>
    email.endsWith('.gserviceaccount.com');
  const ref = (email: string) => {
    if (isServiceAccount(email)) {
      return `resource:default/${gcpServiceAccountEntityName(email)}`;
    }
    const kind = isGroup(email) ? 'group' : 'user';
    return `${kind}:default/${emailPrincipalEntityName(email)}`;
  };
  const sortedRefs = (emails: string[]) => sortedUnique(emails.map(ref));

  // A membership is stated by the group's file, at the member's line: a person's own
  // declaration is just the first file that names them.
  const people = new Map<
    string,
    { path: string; memberOf: Map<string, string> }
  >();
  const nestedIn = new Map<string, Map<string, string>>();
  for (const group of declared) {
    const groupRef = ref(group.email);
    for (const email of ROLES.flatMap(role => group[role])) {
      if (isServiceAccount(email)) continue;
      const statedIn = atLine(
        ctx.fileUrl(group.path),
        group.memberLines[email],
      );
      if (isGroup(email)) {
        const parents = nestedIn.get(email) ?? new Map<string, string>();
        nestedIn.set(email, parents.set(groupRef, statedIn));
        continue;
      }
      const person = people.get(email) ?? {
        path: group.path,
        memberOf: new Map<string, string>(),
      };
      person.memberOf.set(groupRef, statedIn);
      people.set(email, person);
    }
  }
  const groups: Entity[] = declared.map(group => {
    const everyone = ROLES.flatMap(role => group[role]);
    const serviceAccounts = sortedRefs(everyone.filter(isServiceAccount));
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: compact({
        name: emailPrincipalEntityName(group.email),
        description: group.description,
        annotations: {
          ...declaredAnnotations(ctx.fileUrl(group.path)),
          ...membershipAnnotations(nestedIn.get(group.email) ?? new Map()),
        },
        links: [
          {
            url: groupsUrl(group.email),
            title: 'Google Groups',
            icon: 'group',
          },
        ],
      }),
      spec: {
        type: GOOGLE_GROUP_TYPE,
        profile: { displayName: group.name ?? group.email, email: group.email },
        children: sortedRefs(everyone.filter(isGroup)),
        owners: sortedRefs(group.owners),
        managers: sortedRefs(group.managers),
        ...(serviceAccounts.length ? { serviceAccounts } : {}),
        settings: group.settings,
      },
    };
  });

  const users: Entity[] = [...people.entries()]
    .map(([email, person]) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: emailPrincipalEntityName(email),
        annotations: {
          ...declaredAnnotations(ctx.fileUrl(person.path)),
          ...membershipAnnotations(person.memberOf),
        },
      },
      spec: {
        profile: { displayName: email, email },
        memberOf: [...person.memberOf.keys()].sort(),
      },
    }))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

  return { entities: [...groups, ...users], problems };
}

/** `google-groups`: every groups.yaml below `path`, as k8s.io's groups reconciler reads them. */
export const googleGroupsAnalyzer = createAnalyzer({
  type: 'google-groups',
  options: z =>
    z.strictObject({
      path: z.string().default('groups'),
      undeclaredGroups: z
        .array(
          z.string().transform((source, ctx) => {
            try {
              return new RegExp(source, 'i');
            } catch (error) {
              ctx.addIssue(`'${source}' is not a regular expression: ${error}`);
              return z.NEVER;
            }
          }),
        )
        .default([]),
      // Every address in the domain was a group, people included; refuse it with the way out.
      domain: z
        .undefined({
          error:
            'is no longer read, as it took every address in the domain for a group, people included; list the addresses (regular expressions) of groups that no groups.yaml declares in undeclaredGroups instead',
        })
        .optional(),
    }),
  paths: options => [options.path],
  analyze: (ctx, options) => {
    const root = options.path.replace(/\/+$/, '');
    return googleGroupsToEntities(
      [...ctx.snapshot.files.entries()]
        .filter(([path]) => path.startsWith(`${root}/`))
        .map(([path, content]) => ({ path, content })),
      ctx,
      options,
    );
  },
});
