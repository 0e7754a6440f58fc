import { Entity, EntityLink } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityName,
  githubUserEntityName,
} from '@infra-atlas/inventory-common';
import {
  compact,
  declaredAnnotations,
  membershipAnnotations,
} from './declaredEntity';
import { isEmailAddress, isGithubLogin, isWebUrl } from './identifiers';
import { createAnalyzer } from './definition';
import {
  AnalyzerContext,
  AnalyzerOutput,
  AnalyzerProblem,
  PathOwnerClaim,
} from './types';
import { YamlShape, readYaml } from './yamlShape';

/*
 * kubernetes/community's sigs.yaml: the project's SIGs, working groups, committees and user
 * groups, who leads them, and the subprojects each one owns, named by the URLs of their OWNERS
 * files. The schema is the `Context` of kubernetes/community's generator (generator/app.go).
 *
 * Parsing is forgiving in the way a crawl needs: a group or subproject that cannot be read is
 * reported and left out, and the rest of the file still counts.
 */

// ---------------------------------------------------------------------------------------------
// The model.

export type SigsPerson = { github: string; name?: string; company?: string };

export type SigsMeeting = {
  description?: string;
  day?: string;
  time?: string;
  tz?: string;
  frequency?: string;
  url?: string;
  archiveUrl?: string;
  recordingsUrl?: string;
};

export type SigsContact = {
  slack?: string;
  /** An address or a Google Groups URL. */
  mailingList?: string;
  privateMailingList?: string;
  teams: Array<{ name: string; description?: string }>;
  liaison?: SigsPerson;
};

/** Where an OWNERS file named in sigs.yaml lives. Owner and repo lower-cased. */
export type OwnersUrl = {
  owner: string;
  repo: string;
  ref: string;
  /** Directory of the OWNERS file, `''` for the repository root. */
  dir: string;
  /** `OWNERS`, or what stands in for it (sig-etcd names etcd-io's `MAINTAINERS` files). */
  file: string;
};

export type SigsSubproject = {
  name: string;
  description?: string;
  /** The OWNERS files that could be read; the others are problems. */
  owners: OwnersUrl[];
  contact?: SigsContact;
  meetings: SigsMeeting[];
  leads: SigsPerson[];
};

export type SigsGroup = {
  dir: string;
  name: string;
  missionStatement?: string;
  /** Relative to the group's directory in kubernetes/community, or a URL. */
  charterLink?: string;
  label?: string;
  /** Working groups: the names (not dirs) of the SIGs they report to. */
  stakeholderSigs: string[];
  leadership: {
    chairs: SigsPerson[];
    techLeads: SigsPerson[];
    emeritusLeads: SigsPerson[];
  };
  contact: SigsContact;
  meetings: SigsMeeting[];
  subprojects: SigsSubproject[];
};

/** How each list in sigs.yaml becomes Backstage groups. */
const CATEGORIES = {
  sigs: { type: 'sig', displayName: (name: string) => `SIG ${name}` },
  workinggroups: {
    type: 'working-group',
    displayName: (name: string) => `WG ${name}`,
  },
  committees: {
    type: 'committee',
    displayName: (name: string) => `${name} Committee`,
  },
  usergroups: {
    type: 'user-group',
    displayName: (name: string) => `UG ${name}`,
  },
} as const;

type Category = keyof typeof CATEGORIES;
const CATEGORY_KEYS = Object.keys(CATEGORIES) as Category[];

export type SigsFile = Record<Category, SigsGroup[]> & {
  /** Repository path of the file: `sigs.yaml`. */
  path: string;
  /** What could not be read; the groups above are what could. */
  problems: AnalyzerProblem[];
};

const GROUP_KEYS = [
  'dir',
  'prefix',
  'name',
  'mission_statement',
  'charter_link',
  'stakeholder_sigs',
  'label',
  'leadership',
  'meetings',
  'contact',
  'subprojects',
];
const LEADERSHIP_KEYS = ['chairs', 'tech_leads', 'emeritus_leads'];
const PERSON_KEYS = ['github', 'name', 'company'];
const CONTACT_KEYS = [
  'slack',
  'mailing_list',
  'private_mailing_list',
  'teams',
  'liaison',
];
const TEAM_KEYS = ['name', 'description'];
const MEETING_KEYS = [
  'description',
  'day',
  'time',
  'tz',
  'frequency',
  'url',
  'archive_url',
  'recordings_url',
];
const SUBPROJECT_KEYS = [
  'name',
  'description',
  'contact',
  'owners',
  'meetings',
  'leads',
];

const RAW_OWNERS_URL =
  /^https:\/\/raw\.githubusercontent\.com\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/;
const WEB_OWNERS_URL =
  /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(?:blob|tree)\/([^/]+)\/(.+)$/;

/**
 * Reads the URL of an OWNERS file in the two forms kubernetes/community's generator accepts:
 * `https://raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>` and
 * `https://github.com/<owner>/<repo>/blob/<ref>/<path>` (or `tree`). Like the generator, it
 * accepts any file name; undefined for anything else.
 */
export function parseOwnersUrl(url: string): OwnersUrl | undefined {
  if (!isWebUrl(url)) return undefined;
  const match = url.match(RAW_OWNERS_URL) ?? url.match(WEB_OWNERS_URL);
  if (!match) return undefined;
  const [, owner, repo, ref, path] = match;
  const segments = path.split('/');
  if (segments.some(s => s === '' || s === '.' || s === '..')) {
    return undefined;
  }
  return {
    owner: owner.toLowerCase(),
    repo: repo.toLowerCase(),
    ref,
    dir: segments.slice(0, -1).join('/'),
    file: segments[segments.length - 1],
  };
}

/** The URL people open for an OWNERS file, whichever form sigs.yaml used. */
export const ownersBlobUrl = (o: OwnersUrl) =>
  `https://github.com/${o.owner}/${o.repo}/blob/${o.ref}/${
    o.dir ? `${o.dir}/` : ''
  }${o.file}`;
/** Reads the parts of sigs.yaml; each method reports into `shape` and skips what is broken. */
class SigsReader {
  constructor(private readonly shape: YamlShape) {}

  person(value: unknown, where: string): SigsPerson | undefined {
    const raw = this.shape.mapping(value, where, PERSON_KEYS);
    if (!raw) return undefined;
    const github = this.shape.text(raw.github, `${where}.github`);
    if (!github || !isGithubLogin(github)) {
      this.shape.report(
        where,
        github ? `'${github}' is not a GitHub login` : "has no 'github' login",
        github ? this.shape.lineWith(`github: ${github}`) : undefined,
      );
      return undefined;
    }
    return compact({
      github,
      name: this.shape.text(raw.name, `${where}.name`),
      company: this.shape.text(raw.company, `${where}.company`),
    });
  }

  people(value: unknown, where: string): SigsPerson[] {
    return this.shape
      .list(value, where)
      .map((p, i) => this.person(p, `${where}[${i}]`))
      .filter((p): p is SigsPerson => !!p);
  }

  /** A URL field: kept when it is an http(s) URL, reported otherwise. */
  url(value: unknown, where: string): string | undefined {
    const url = this.shape.text(value, where);
    if (url === undefined || isWebUrl(url)) return url;
    // Zero-width characters pasted along with a link make it look right and fail to parse.
    const visible = url.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
    if (isWebUrl(visible)) {
      this.shape.report(
        where,
        `'${visible}' is preceded or followed by invisible characters (read without them)`,
        this.shape.lineWith(url),
      );
      return visible;
    }
    this.shape.report(
      where,
      `'${url}' is not an http(s) URL`,
      this.shape.lineWith(url),
    );
    return undefined;
  }

  /** A mailing list: an address or a web URL. */
  mailingList(value: unknown, where: string): string | undefined {
    const list = this.shape.text(value, where);
    if (list === undefined || isEmailAddress(list) || isWebUrl(list)) {
      return list;
    }
    this.shape.report(
      where,
      `'${list}' is neither an e-mail address nor an http(s) URL`,
      this.shape.lineWith(list),
    );
    return undefined;
  }

  meetings(value: unknown, where: string): SigsMeeting[] {
    return this.shape.list(value, where).flatMap((item, i) => {
      const at = `${where}[${i}]`;
      const raw = this.shape.mapping(item, at, MEETING_KEYS);
      if (!raw) return [];
      const meeting: SigsMeeting = {
        description: this.shape.text(raw.description, `${at}.description`),
        day: this.shape.text(raw.day, `${at}.day`),
        time: this.shape.text(raw.time, `${at}.time`),
        tz: this.shape.text(raw.tz, `${at}.tz`),
        frequency: this.shape.text(raw.frequency, `${at}.frequency`),
        url: this.url(raw.url, `${at}.url`),
        archiveUrl: this.url(raw.archive_url, `${at}.archive_url`),
        recordingsUrl: this.url(raw.recordings_url, `${at}.recordings_url`),
      };
      return [compact(meeting)];
    });
  }

  contact(value: unknown, where: string): SigsContact {
    const raw =
      value === undefined || value === null
        ? {}
        : this.shape.mapping(value, where, CONTACT_KEYS) ?? {};
    const teams = this.shape
      .list(raw.teams, `${where}.teams`)
      .flatMap((item, i) => {
        const at = `${where}.teams[${i}]`;
        const team = this.shape.mapping(item, at, TEAM_KEYS);
        const name = team && this.shape.text(team.name, `${at}.name`);
        if (!team || !name) {
          if (team) this.shape.report(at, "has no 'name'");
          return [];
        }
        const description = this.shape.text(
          team.description,
          `${at}.description`,
        );
        return [{ name, ...(description ? { description } : {}) }];
      });
    const contact: SigsContact = {
      slack: this.shape.text(raw.slack, `${where}.slack`)?.replace(/^#/, ''),
      mailingList: this.mailingList(raw.mailing_list, `${where}.mailing_list`),
      privateMailingList: this.mailingList(
        raw.private_mailing_list,
        `${where}.private_mailing_list`,
      ),
      teams,
      liaison:
        raw.liaison === undefined
          ? undefined
          : this.person(raw.liaison, `${where}.liaison`),
    };
    return compact(contact);
  }

  subproject(value: unknown, where: string): SigsSubproject | undefined {
    const raw = this.shape.mapping(value, where, SUBPROJECT_KEYS);
    if (!raw) return undefined;
    const name = this.shape.text(raw.name, `${where}.name`);
    if (!name) {
      this.shape.report(where, "subproject has no 'name'; left out");
      return undefined;
    }
    const at = where.replace(/\.subprojects\[\d+\]$/, `/${name}`);
    const ownerUrls = this.shape.list(raw.owners, `${at}.owners`);
    if (ownerUrls.length === 0) {
      this.shape.report(at, 'subproject has no owners');
    }
    const owners = ownerUrls.flatMap((item, i) => {
      const url = this.shape.text(item, `${at}.owners[${i}]`);
      const parsed = url === undefined ? undefined : parseOwnersUrl(url);
      if (url !== undefined && !parsed) {
        this.shape.report(
          `${at}.owners[${i}]`,
          `'${url}' is not the URL of a file on GitHub ` +
            '(https://raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>/OWNERS ' +
            'or https://github.com/<owner>/<repo>/blob/<ref>/<path>/OWNERS)',
          this.shape.lineWith(url),
        );
      }
      return parsed ? [parsed] : [];
    });
    const description = this.shape.text(raw.description, `${at}.description`);
    return {
      name,
      ...(description ? { description } : {}),
      owners,
      ...(raw.contact === undefined
        ? {}
        : { contact: this.contact(raw.contact, `${at}.contact`) }),
      meetings: this.meetings(raw.meetings, `${at}.meetings`),
      leads: this.people(raw.leads, `${at}.leads`),
    };
  }

  group(value: unknown, where: string): SigsGroup | undefined {
    const raw = this.shape.mapping(value, where, GROUP_KEYS);
    if (!raw) return undefined;
    const dir = this.shape.text(raw.dir, `${where}.dir`);
    if (!dir) {
      const name = this.shape.text(raw.name, `${where}.name`);
      this.shape.report(
        where,
        `${name ? `'${name}' ` : ''}has no 'dir'; left out`,
      );
      return undefined;
    }
    const name = this.shape.text(raw.name, `${dir}.name`);
    if (!name) this.shape.report(dir, "has no 'name'");
    const leadership =
      raw.leadership === undefined
        ? {}
        : this.shape.mapping(
            raw.leadership,
            `${dir}.leadership`,
            LEADERSHIP_KEYS,
          ) ?? {};
    const charterLink = this.shape.text(
      raw.charter_link,
      `${dir}.charter_link`,
    );
    if (charterLink?.includes('://') && !isWebUrl(charterLink)) {
      this.shape.report(
        `${dir}.charter_link`,
        `'${charterLink}' is not an http(s) URL`,
        this.shape.lineWith(charterLink),
      );
    }
    const missionStatement = this.shape.text(
      raw.mission_statement,
      `${dir}.mission_statement`,
    );
    const label = this.shape.text(raw.label, `${dir}.label`);
    return {
      dir,
      name: name ?? dir,
      ...(missionStatement ? { missionStatement } : {}),
      ...(charterLink && (!charterLink.includes('://') || isWebUrl(charterLink))
        ? { charterLink }
        : {}),
      ...(label ? { label } : {}),
      stakeholderSigs: this.shape
        .list(raw.stakeholder_sigs, `${dir}.stakeholder_sigs`)
        .map((s, i) => this.shape.text(s, `${dir}.stakeholder_sigs[${i}]`))
        .filter((s): s is string => !!s),
      leadership: {
        chairs: this.people(leadership.chairs, `${dir}.leadership.chairs`),
        techLeads: this.people(
          leadership.tech_leads,
          `${dir}.leadership.tech_leads`,
        ),
        emeritusLeads: this.people(
          leadership.emeritus_leads,
          `${dir}.leadership.emeritus_leads`,
        ),
      },
      contact: this.contact(raw.contact, `${dir}.contact`),
      meetings: this.meetings(raw.meetings, `${dir}.meetings`),
      subprojects: this.shape
        .list(raw.subprojects, `${dir}.subprojects`)
        .map((s, i) => this.subproject(s, `${dir}.subprojects[${i}]`))
        .filter((s): s is SigsSubproject => !!s),
    };
  }
}

/**
 * Reads kubernetes/community's sigs.yaml. Never throws on bad input: what cannot be read is in
 * `problems` (invalid YAML with its line), and everything else is returned.
 */
export function parseSigsYaml(path: string, content: string): SigsFile {
  const file: SigsFile = {
    path,
    sigs: [],
    workinggroups: [],
    committees: [],
    usergroups: [],
    problems: [],
  };
  const read = readYaml(path, content);
  if ('problem' in read) {
    file.problems.push(read.problem);
    return file;
  }
  const { shape } = read;
  const reader = new SigsReader(shape);
  const top = shape.mapping(shape.value ?? {}, '', CATEGORY_KEYS) ?? {};
  for (const category of CATEGORY_KEYS) {
    file[category] = shape
      .list(top[category], category)
      .map((g, i) => reader.group(g, `${category}[${i}]`))
      .filter((g): g is SigsGroup => !!g);
  }
  file.problems.push(...shape.problems);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Entities.

export type SigsOptions = {
  /** The Slack workspace channels are in; default `https://kubernetes.slack.com`. */
  slackWorkspaceUrl?: string;
};

/** Each subproject claims the directories of its OWNERS files for its group. */
export type SigsOutput = AnalyzerOutput & { pathOwners: PathOwnerClaim[] };

type Leader = { login: string; name?: string; memberOf: Set<string> };

/** The people named in sigs.yaml, one per login whatever its case. */
class People {
  private readonly byLogin = new Map<string, Leader>();

  /** Notes a person (as a member of `group` if given) and returns their User ref. */
  ref(person: SigsPerson, group?: string): string {
    const key = person.github.toLowerCase();
    const leader = this.byLogin.get(key) ?? {
      login: person.github,
      memberOf: new Set<string>(),
    };
    this.byLogin.set(key, leader);
    leader.name ??= person.name;
    if (group) leader.memberOf.add(group);
    return `user:default/${githubUserEntityName(person.github)}`;
  }

  entities(annotations: Record<string, string>): Entity[] {
    return [...this.byLogin.values()]
      .map(p => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          name: githubUserEntityName(p.login),
          annotations: {
            ...annotations,
            'github.com/user-login': p.login,
            // Stated where the person is named, so that a merge with other files keeps it.
            ...membershipAnnotations(
              new Map(
                [...p.memberOf].map(group => [
                  group,
                  annotations[ANNOTATIONS.declaredIn],
                ]),
              ),
            ),
          },
          links: [
            {
              url: `https://github.com/${p.login}`,
              title: 'GitHub',
              icon: 'github',
            },
          ],
        },
        spec: {
          profile: { displayName: p.name ?? p.login },
          memberOf: [...p.memberOf].sort(),
        },
      }))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }
}

/** Links with the same URL said twice (a subproject repeating its SIG's meeting) said once. */
function uniqueLinks(links: EntityLink[]): EntityLink[] {
  const seen = new Set<string>();
  return links.filter(l => !seen.has(l.url) && !!seen.add(l.url));
}

const mailUrl = (list: string) =>
  isEmailAddress(list) ? `mailto:${list}` : list;

function contactLinks(
  contact: SigsContact | undefined,
  slackWorkspaceUrl: string,
): EntityLink[] {
  const links: Array<EntityLink | undefined> = [
    contact?.slack
      ? {
          url: `${slackWorkspaceUrl.replace(
            /\/+$/,
            '',
          )}/messages/${encodeURIComponent(contact.slack)}`,
          title: `Slack #${contact.slack}`,
          icon: 'chat',
        }
      : undefined,
    contact?.mailingList
      ? {
          url: mailUrl(contact.mailingList),
          title: 'Mailing list',
          icon: 'email',
        }
      : undefined,
    contact?.privateMailingList
      ? {
          url: mailUrl(contact.privateMailingList),
          title: 'Private mailing list',
          icon: 'email',
        }
      : undefined,
  ];
  return links.filter((l): l is EntityLink => !!l);
}

function meetingLinks(meetings: SigsMeeting[]): EntityLink[] {
  return meetings.flatMap(m => {
    const name = m.description ?? 'Meeting';
    const when = [m.frequency, m.day, m.time, m.tz].filter(Boolean).join(' ');
    const links: Array<[string | undefined, string]> = [
      [m.url, when ? `${name} (${when})` : name],
      [m.archiveUrl, `${name}: notes`],
      [m.recordingsUrl, `${name}: recordings`],
    ];
    return links.flatMap(([url, title]) => (url ? [{ url, title }] : []));
  });
}

const contactAnnotations = (
  contact: SigsContact | undefined,
): Record<string, string> => ({
  ...(contact?.slack ? { [ANNOTATIONS.slackChannel]: contact.slack } : {}),
  ...(contact?.mailingList
    ? { [ANNOTATIONS.mailingList]: contact.mailingList }
    : {}),
});

/** Builds the entities of one sigs.yaml, collecting people and problems on the way. */
class SigsEntities {
  readonly people = new People();
  readonly problems: AnalyzerProblem[];
  readonly pathOwners: PathOwnerClaim[] = [];
  private readonly annotations: Record<string, string>;
  private readonly slackWorkspaceUrl: string;
  /** Working groups name the SIGs they report to by name, not dir. */
  private readonly sigsByName: Map<string, string>;

  constructor(
    private readonly model: SigsFile,
    private readonly ctx: AnalyzerContext,
    options: SigsOptions,
  ) {
    this.problems = [...model.problems];
    this.annotations = declaredAnnotations(ctx.fileUrl(model.path));
    this.slackWorkspaceUrl =
      options.slackWorkspaceUrl ?? 'https://kubernetes.slack.com';
    this.sigsByName = new Map(
      model.sigs.map(sig => [
        sig.name,
        `group:default/${entityName([sig.dir])}`,
      ]),
    );
  }

  private problem(message: string) {
    this.problems.push({ path: this.model.path, message });
  }

  group(category: Category, group: SigsGroup): Entity {
    const ref = `group:default/${entityName([group.dir])}`;
    const { chairs, techLeads, emeritusLeads } = group.leadership;
    const { charterLink, contact } = group;
    const charter =
      charterLink &&
      (isWebUrl(charterLink)
        ? charterLink
        : `${this.ctx.treeUrl(group.dir)}/${charterLink}`);
    const stakeholders = group.stakeholderSigs.flatMap(sig => {
      const sigRef = this.sigsByName.get(sig);
      if (!sigRef) {
        this.problem(
          `${group.dir}.stakeholder_sigs: there is no SIG named '${sig}'`,
        );
      }
      return sigRef ? [sigRef] : [];
    });
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: compact({
        name: entityName([group.dir]),
        description: group.missionStatement,
        annotations: { ...this.annotations, ...contactAnnotations(contact) },
        links: uniqueLinks([
          ...contactLinks(contact, this.slackWorkspaceUrl),
          ...(charter
            ? [{ url: charter, title: 'Charter', icon: 'docs' }]
            : []),
          ...meetingLinks(group.meetings),
        ]),
      }),
      spec: compact({
        type: CATEGORIES[category].type,
        profile: compact({
          displayName: CATEGORIES[category].displayName(group.name),
          email:
            contact.mailingList && isEmailAddress(contact.mailingList)
              ? contact.mailingList
              : undefined,
        }),
        children: [],
        leadership: {
          chairs: chairs.map(p => this.people.ref(p, ref)),
          techLeads: techLeads.map(p => this.people.ref(p, ref)),
          emeritusLeads: emeritusLeads.map(p => this.people.ref(p)),
        },
        liaison: contact.liaison && this.people.ref(contact.liaison),
        stakeholders: stakeholders.length ? stakeholders : undefined,
      }),
    };
  }

  /** The Systems of a group's subprojects, noting the directories each one claims. */
  subprojectsOf(category: Category, group: SigsGroup): Entity[] {
    const ref = `group:default/${entityName([group.dir])}`;
    const seen = new Set<string>();
    return group.subprojects.flatMap(subproject => {
      const name = entityName([group.dir, subproject.name]);
      if (seen.has(name)) {
        this.problem(
          `${group.dir}/${subproject.name}: subproject defined more than once; the first definition counts`,
        );
        return [];
      }
      seen.add(name);
      const owners = subproject.owners.map(ownersBlobUrl);
      this.pathOwners.push({
        system: `system:default/${name}`,
        subproject: subproject.name,
        group: ref,
        owners: subproject.owners.map(({ owner, repo, dir }) => ({
          owner,
          repo,
          dir,
        })),
      });
      const system: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name,
          title: subproject.name,
          description:
            subproject.description ??
            `A subproject of ${CATEGORIES[category].displayName(group.name)}.`,
          annotations: {
            ...this.annotations,
            ...contactAnnotations(subproject.contact),
            ...(owners.length
              ? { [ANNOTATIONS.ownersFiles]: owners.join(',') }
              : {}),
          },
          links: uniqueLinks([
            ...subproject.owners.map((o, i) => ({
              url: owners[i],
              title: `${o.file} ${o.owner}/${o.repo}${
                o.dir ? `/${o.dir}` : ''
              }`,
              icon: 'github',
            })),
            ...contactLinks(subproject.contact, this.slackWorkspaceUrl),
            ...meetingLinks(subproject.meetings),
          ]),
        },
        spec: compact({
          owner: ref,
          leads: subproject.leads.length
            ? subproject.leads.map(p => this.people.ref(p))
            : undefined,
        }),
      };
      return [system];
    });
  }

  /** Users last: only after every group is known are their memberships complete. */
  users(): Entity[] {
    return this.people.entities(this.annotations);
  }
}

/**
 * Turns sigs.yaml into catalog entities: a Group per SIG, working group, committee and user
 * group; a User per GitHub login in their leadership (a member of the groups they chair or
 * tech-lead; emeritus leads and liaisons are people, not members); a System per subproject,
 * owned by its group. Also returns, as `pathOwners`, the directories each subproject's OWNERS
 * files govern, so that the provider can place repositories and directories. The file's own
 * problems come along in `problems`.
 */
export function sigsToEntities(
  model: SigsFile,
  ctx: AnalyzerContext,
  options: SigsOptions = {},
): SigsOutput {
  const build = new SigsEntities(model, ctx, options);
  const groups: Entity[] = [];
  const systems: Entity[] = [];
  const seen = new Set<string>();
  for (const category of CATEGORY_KEYS) {
    for (const group of model[category]) {
      if (seen.has(group.dir.toLowerCase())) {
        build.problems.push({
          path: model.path,
          message: `${group.dir}: defined more than once; the first definition counts`,
        });
        continue;
      }
      seen.add(group.dir.toLowerCase());
      groups.push(build.group(category, group));
      systems.push(...build.subprojectsOf(category, group));
    }
  }
  return {
    entities: [...groups, ...systems, ...build.users()],
    problems: build.problems,
    pathOwners: build.pathOwners,
  };
}

/**
 * `sigs`: kubernetes/community's sigs.yaml. Its subprojects decide the owners of the
 * directories whose OWNERS files they list, in every repository.
 */
export const sigsAnalyzer = createAnalyzer({
  type: 'sigs',
  options: z =>
    z.strictObject({
      path: z.string().default('sigs.yaml'),
      slackWorkspaceUrl: z.url().default('https://kubernetes.slack.com'),
    }),
  paths: options => [options.path],
  decidesOwnership: true,
  analyze: (ctx, options) => {
    const content = ctx.snapshot.files.get(options.path);
    if (content === undefined) {
      return {
        entities: [],
        problems: [
          { path: options.path, message: 'sigs.yaml not found', unread: true },
        ],
      };
    }
    return sigsToEntities(parseSigsYaml(options.path, content), ctx, options);
  },
});
