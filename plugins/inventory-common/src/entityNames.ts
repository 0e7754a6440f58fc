import { entityName, isHashedEntityName } from './naming';
import { RESOURCE_TYPES } from './resourceTypes';

/** E-mail addresses are case-insensitive; local part and domain become two name parts. */
function emailParts(email: string): string[] {
  const [local, domain] = email.toLowerCase().split('@');
  return local && domain ? [local, domain] : [email];
}

/*
 * The naming conventions per kind of thing, so that every provider builds the same ref.
 * Resource names start with their spec.type: a project and a bucket may share an ID
 * (`k8s-artifacts-prod` is both), and they must not share an entity.
 */

/** @public */
export const gcpOrganizationEntityName = (organizationId: string) =>
  entityName([RESOURCE_TYPES.gcpOrganization, organizationId]);

/** @public */
export const gcpFolderEntityName = (folderId: string) =>
  entityName([RESOURCE_TYPES.gcpFolder, folderId]);

/** @public */
export const gcpProjectEntityName = (projectId: string) =>
  entityName([RESOURCE_TYPES.gcpProject, projectId]);

/** @public */
export const gkeClusterEntityName = (
  projectId: string,
  location: string,
  clusterName: string,
) => entityName([RESOURCE_TYPES.gkeCluster, projectId, location, clusterName]);

/** @public */
export const gcsBucketEntityName = (bucketName: string) =>
  entityName([RESOURCE_TYPES.gcsBucket, bucketName]);

const USER_MANAGED_SA_DOMAIN =
  /^([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;
const GOOGLE_MANAGED_SA_DOMAIN = /^(.+)\.gserviceaccount\.com$/;

/**
 * A service account, by e-mail: IAM policies name service accounts by e-mail, so this is the
 * ref a grant can point at without knowing the account's numeric ID. For the usual
 * `NAME@PROJECT.iam.gserviceaccount.com` the domain shortens to the project ID, which keeps
 * most names readable within 63 characters; a project ID has no dots, so it cannot be
 * mistaken for a full domain.
 *
 * Google-managed accounts (`123456789012-compute@developer.gserviceaccount.com`, one per
 * project) rarely fit with their whole domain; when it does not fit, the domain shortens to
 * `developer_gsa`. No e-mail domain contains `_`, so the short form is never a real domain
 * nor a project ID.
 *
 * @public
 */
export const gcpServiceAccountEntityName = (email: string) => {
  const [local, domain] = emailParts(email);
  const project = domain?.match(USER_MANAGED_SA_DOMAIN)?.[1];
  const suffix = project ?? domain;
  const name = entityName([
    RESOURCE_TYPES.gcpServiceAccount,
    local,
    ...(suffix ? [suffix] : []),
  ]);
  const managed = !project && domain?.match(GOOGLE_MANAGED_SA_DOMAIN)?.[1];
  return managed && isHashedEntityName(name)
    ? entityName([RESOURCE_TYPES.gcpServiceAccount, local, `${managed}_gsa`])
    : name;
};

/**
 * A custom IAM role by the name IAM policies grant it under: `organizations/N/roles/X` or
 * `projects/P/roles/X`, so that a grant of the role points at the role's entity.
 *
 * @public
 */
export const gcpCustomRoleEntityName = (role: string) => {
  const [, parentId, , roleId] = role.split('/');
  return entityName([RESOURCE_TYPES.gcpCustomRole, parentId, roleId]);
};

/**
 * A GKE cluster by its three coordinates.
 *
 * @public
 */
export type GkeClusterId = {
  projectId: string;
  location: string;
  name: string;
};

/**
 * A Secret Manager secret, as an ExternalSecret or an IAM policy names it.
 *
 * @public
 */
export const gcpSecretEntityName = (projectId: string, secretId: string) =>
  entityName([RESOURCE_TYPES.gcpSecret, projectId, secretId]);

/**
 * A Kubernetes namespace on a GKE cluster. The cluster is named as in
 * {@link gkeClusterEntityName}, so that a namespace declared in git and the cluster observed in
 * GCP meet.
 *
 * @public
 */
export const kubernetesNamespaceEntityName = (
  cluster: GkeClusterId,
  namespace: string,
) =>
  entityName([
    RESOURCE_TYPES.kubernetesNamespace,
    cluster.projectId,
    cluster.location,
    cluster.name,
    namespace,
  ]);

/**
 * A Kubernetes service account in a namespace of a GKE cluster: the identity its pods run as,
 * which Workload Identity can bind to a GCP service account.
 *
 * @public
 */
export const kubernetesServiceAccountEntityName = (
  cluster: GkeClusterId,
  namespace: string,
  name: string,
) =>
  entityName([
    RESOURCE_TYPES.kubernetesServiceAccount,
    cluster.projectId,
    cluster.location,
    cluster.name,
    namespace,
    name,
  ]);

/**
 * A reserved (static) IP address of Compute Engine: `global` for the global ones that GKE
 * Ingresses name (`kubernetes.io/ingress.global-static-ip-name`), else its region.
 *
 * @public
 */
export const gcpAddressEntityName = (
  projectId: string,
  region: string,
  name: string,
) => entityName([RESOURCE_TYPES.gcpAddress, projectId, region, name]);

/**
 * An application deployed to a cluster (a directory of manifests such as `apps/gcsweb` in
 * kubernetes/k8s.io). The cluster is part of the name: the same app name on two clusters is
 * two deployments.
 *
 * @public
 */
export const kubernetesAppEntityName = (cluster: GkeClusterId, app: string) =>
  entityName([
    'k8s-app',
    cluster.projectId,
    cluster.location,
    cluster.name,
    app,
  ]);

/**
 * A GitHub repository, `owner/name`; both are case-insensitive on GitHub.
 *
 * @public
 */
export const githubRepositoryEntityName = (owner: string, repo: string) =>
  entityName([owner.toLowerCase(), repo.toLowerCase()]);

/**
 * A DNS record set as declared, by fully qualified name and record type: `www.k8s.io` has an
 * `A` and an `AAAA` set, which are two entities.
 *
 * @public
 */
export const dnsRecordEntityName = (fqdn: string, type: string) =>
  entityName([
    RESOURCE_TYPES.dnsRecord,
    fqdn.replace(/\.$/, '').toLowerCase(),
    type.toLowerCase(),
  ]);

/**
 * A DNS zone as declared (octoDNS), by DNS name. A Cloud DNS managed zone observed in a
 * project is a separate entity, named after its project and zone name; the inventory links
 * the two by DNS name.
 *
 * @public
 */
export const dnsZoneEntityName = (zoneDnsName: string) =>
  entityName([RESOURCE_TYPES.dnsZone, zoneDnsName.replace(/\.$/, '')]);

/**
 * A Google Group or any other principal known by e-mail. The domain stays in the name:
 * `admins@kubernetes.io` and `admins@knative.dev` are different groups.
 *
 * @public
 */
export const emailPrincipalEntityName = (email: string) =>
  entityName(emailParts(email));

/**
 * A GitHub account. Logins are case-insensitive on GitHub, so `Ameukam` and `ameukam` are
 * one user.
 *
 * @public
 */
export const githubUserEntityName = (login: string) =>
  entityName([login.toLowerCase()]);

/**
 * A GitHub organization team, as CODEOWNERS names it (`@org/team-slug`). Team slugs are only
 * unique within their organization, and a team may share its slug with a sigs.yaml group, so
 * the name carries both parts behind its own prefix.
 *
 * @public
 */
export const githubTeamEntityName = (organization: string, slug: string) =>
  entityName(['github-team', organization.toLowerCase(), slug.toLowerCase()]);
