import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { AccessRoute, describeCondition } from '@infra-atlas/inventory-common';
import { access } from '../queries/access';
import { Ask, entityQuestion } from './answers';

const LOOKUP = { readOnly: true, idempotent: true, destructive: false };

/** What membership gives, as the line names it: `roles/owner on organizations/1 (inherited)`. */
const grantsText = (route: AccessRoute) =>
  [
    ...route.grants.map(
      g =>
        `${g.role} on ${g.grantedOn}${g.inherited ? ' (inherited)' : ''}${
          g.condition ? ` — ${describeCondition(g.condition)}` : ''
        }`,
    ),
    ...route.systems.map(s => `access group of ${s.ref}`),
  ].join('; ');

/** How to join, in one sentence an assistant can repeat. */
function joinText(route: AccessRoute): string {
  const { join } = route;
  const name = route.email;
  switch (join.kind) {
    case 'pull-request': {
      const approvers = join.approvers?.map(a => a.login).join(', ');
      return `send a pull request adding your address to ${name} in ${
        join.path
      } of ${join.repository} (${join.url}${
        join.line ? `#L${join.line}` : ''
      })${approvers ? `; approved by ${approvers}` : ''}`;
    }
    case 'ask':
      return `ask to join ${name} on ${join.url}`;
    default:
      return `${name} is not declared in git: ask the owners`;
  }
}

/** "How do I get access to X?" as an action, from the same answer as GET /access. */
export function registerAccessActions(options: {
  actionsRegistry: ActionsRegistryService;
  ask: Ask;
}) {
  const { actionsRegistry, ask } = options;
  actionsRegistry.register({
    name: 'how-to-get-access',
    title: 'How to get access to an entity',
    description:
      'Given a catalog entity ref (a GCP project, a bucket, a cluster, an app, a System), returns the groups whose members get access to it — IAM roles on it or inherited from its project, folders and organization, and the access groups its System names — narrowest first, each with how to join: the file in git to send a pull request to (with its line and who approves it), or the page to ask on. Also who is granted directly (no group to join), public grants, and the owner to ask.',
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({ entityRef: z.string().describe('Catalog entity ref') }),
      output: z =>
        z.object({
          groups: z
            .array(z.string())
            .describe('One line per group: what it gives, and how to join'),
          direct: z.array(z.string()),
          public: z.array(z.string()),
          askOwner: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(
        credentials,
        entityQuestion(input.entityRef, state =>
          access(state.graph, input.entityRef),
        ),
      );
      const owner = answer.owner;
      return {
        output: {
          groups: answer.routes.map(
            r => `${r.email}: ${grantsText(r)}. To join: ${joinText(r)}`,
          ),
          direct: answer.direct.map(
            d =>
              `${d.member}: ${d.roles.join(', ')}${
                d.inherited ? ' (inherited)' : ''
              }`,
          ),
          public: answer.public.map(p => `${p.member}: ${p.role}`),
          askOwner:
            owner && !owner.unowned
              ? [
                  owner.entity.ref,
                  ...owner.contacts.map(c => `${c.kind}: ${c.value}`),
                ].join('; ')
              : undefined,
        },
      };
    },
  });
}
