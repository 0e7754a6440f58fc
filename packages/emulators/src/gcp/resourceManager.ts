import type { protos } from '@google-cloud/resource-manager';
import { resourceId } from './cai';
import { GcpFolder, GcpOrganization, GcpProject, IamPolicy } from './estate';
import { EstateIndex } from './estateIndex';
import { PageLimits, paginate } from './pagination';
import { UnaryHandlers } from './protos';
import { compileQuery } from './searchQuery';
import { found, invalidArgument } from './status';
import { toPolicy, toTimestamp } from './wire';

type V3 = typeof protos.google.cloud.resourcemanager.v3;
/** A decoded request message (all fields present, see protos.ts). */
type Request<T extends keyof V3> = V3[T] extends new () => infer R ? R : never;
type GetIamPolicyRequest = protos.google.iam.v1.GetIamPolicyRequest;

/** The real APIs leave the default page size unspecified; these are the emulator's. */
const PAGE_LIMITS: PageLimits = { defaultSize: 100, maxSize: 500 };

const ORGANIZATION_NAME = /^organizations\/\d+$/;
const FOLDER_NAME = /^folders\/\d+$/;

/**
 * Resource Manager v3: the Organizations, Folders and Projects methods a crawler reads.
 * Getting an unknown name is NOT_FOUND; listing under an unknown parent is PERMISSION_DENIED,
 * as the real API cannot tell "missing" from "not yours".
 */
export function resourceManagerHandlers(index: EstateIndex): {
  Organizations: UnaryHandlers;
  Folders: UnaryHandlers;
  Projects: UnaryHandlers;
} {
  const getOrganization = (name: string) => {
    if (!ORGANIZATION_NAME.test(name)) {
      throw invalidArgument(
        `Invalid organization name "${name}": expected organizations/{id}`,
      );
    }
    return found(index.organizations.get(name), name);
  };
  const getFolder = (name: string) => {
    if (!FOLDER_NAME.test(name)) {
      throw invalidArgument(
        `Invalid folder name "${name}": expected folders/{id}`,
      );
    }
    return found(index.folders.get(name), name);
  };
  const getProject = (name: string) => {
    if (!name.startsWith('projects/')) {
      throw invalidArgument(
        `Invalid project name "${name}": expected projects/{project_id_or_number}`,
      );
    }
    return found(index.project(name), name);
  };
  const iamPolicy = (
    get: (name: string) => { iamPolicy: IamPolicy },
    request: GetIamPolicyRequest,
  ) => toPolicy(get(request.resource).iamPolicy);

  return {
    Organizations: {
      GetOrganization: (request: Request<'GetOrganizationRequest'>) =>
        toOrganization(getOrganization(request.name)),
      SearchOrganizations: (request: Request<'SearchOrganizationsRequest'>) => {
        const matches = compileQuery<GcpOrganization>(request.query, {
          directorycustomerid: org => org.directoryCustomerId,
          'owner.directorycustomerid': org => org.directoryCustomerId,
          domain: org => org.displayName,
        });
        const { page, nextPageToken } = paginate(
          index.estate.organizations.filter(matches),
          request,
          { method: 'SearchOrganizations', query: request.query },
          PAGE_LIMITS,
        );
        return { organizations: page.map(toOrganization), nextPageToken };
      },
      GetIamPolicy: (request: GetIamPolicyRequest) =>
        iamPolicy(getOrganization, request),
    },
    Folders: {
      GetFolder: (request: Request<'GetFolderRequest'>) =>
        toFolder(getFolder(request.name)),
      ListFolders: (request: Request<'ListFoldersRequest'>) => {
        index.checkContainer(request.parent, 'resourcemanager.folders.list');
        const { page, nextPageToken } = paginate(
          index
            .foldersUnder(request.parent)
            .filter(folder => request.showDeleted || folder.state === 'ACTIVE'),
          request,
          {
            method: 'ListFolders',
            parent: request.parent,
            showDeleted: request.showDeleted,
          },
          PAGE_LIMITS,
        );
        return { folders: page.map(toFolder), nextPageToken };
      },
      GetIamPolicy: (request: GetIamPolicyRequest) =>
        iamPolicy(getFolder, request),
    },
    Projects: {
      GetProject: (request: Request<'GetProjectRequest'>) =>
        toProject(getProject(request.name)),
      ListProjects: (request: Request<'ListProjectsRequest'>) => {
        index.checkContainer(request.parent, 'resourcemanager.projects.list');
        const { page, nextPageToken } = paginate(
          index
            .projectsUnder(request.parent)
            .filter(
              project => request.showDeleted || project.state === 'ACTIVE',
            ),
          request,
          {
            method: 'ListProjects',
            parent: request.parent,
            showDeleted: request.showDeleted,
          },
          PAGE_LIMITS,
        );
        return { projects: page.map(toProject), nextPageToken };
      },
      SearchProjects: (request: Request<'SearchProjectsRequest'>) => {
        const matches = compileQuery<GcpProject>(
          request.query,
          {
            id: project => project.projectId,
            projectid: project => project.projectId,
            name: project => project.displayName,
            displayname: project => project.displayName,
            parent: project => project.parent,
            'parent.type': project =>
              project.parent.startsWith('folders/') ? 'folder' : 'organization',
            'parent.id': project => resourceId(project.parent),
            state: project => project.state,
            lifecyclestate: project => project.state,
          },
          project => project.labels,
        );
        const { page, nextPageToken } = paginate(
          index.estate.projects.filter(matches),
          request,
          { method: 'SearchProjects', query: request.query },
          PAGE_LIMITS,
        );
        return { projects: page.map(toProject), nextPageToken };
      },
      GetIamPolicy: (request: GetIamPolicyRequest) =>
        iamPolicy(getProject, request),
    },
  };
}

function toOrganization(org: GcpOrganization) {
  return {
    name: org.name,
    displayName: org.displayName,
    directoryCustomerId: org.directoryCustomerId,
    state: org.state,
    createTime: toTimestamp(org.createTime),
    updateTime: toTimestamp(org.updateTime),
    deleteTime: toTimestamp(org.deleteTime),
  };
}

function toFolder(folder: GcpFolder) {
  return {
    name: folder.name,
    parent: folder.parent,
    displayName: folder.displayName,
    state: folder.state,
    createTime: toTimestamp(folder.createTime),
    updateTime: toTimestamp(folder.updateTime),
    deleteTime: toTimestamp(folder.deleteTime),
  };
}

function toProject(project: GcpProject) {
  return {
    name: project.name,
    parent: project.parent,
    projectId: project.projectId,
    state: project.state,
    displayName: project.displayName,
    createTime: toTimestamp(project.createTime),
    updateTime: toTimestamp(project.updateTime),
    deleteTime: toTimestamp(project.deleteTime),
    labels: project.labels,
  };
}
