import { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
  EntityRefLink,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATIONS,
  commaList,
  howToJoin,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { AnswerState } from '../AnswerState';
import { byTitle } from '../format';

/** Text with `code` spans, as group descriptions in groups.yaml write role and namespace names. */
function WithCode(props: { text: string }) {
  return (
    <>
      {props.text
        .split('`')
        .map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}
    </>
  );
}

/** One system and the groups whose members get access to it. */
type SystemAccess = {
  system: Entity;
  groups: Array<{ email: string; group?: Entity }>;
};

const emailOf = (group: Entity) =>
  (group.spec as { profile?: { email?: string } } | undefined)?.profile?.email
    ?.toLocaleLowerCase('en-US')
    .trim();

function useAccess() {
  const catalog = useApi(catalogApiRef);
  return useAsync(async (): Promise<SystemAccess[]> => {
    const { items: systems } = await catalog.getEntities({
      filter: {
        kind: 'system',
        [`metadata.annotations.${ANNOTATIONS.accessGroups}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        `metadata.annotations.${ANNOTATIONS.accessGroups}`,
      ],
    });
    const emailsOf = (system: Entity) =>
      commaList(system.metadata.annotations?.[ANNOTATIONS.accessGroups]).map(
        e => e.toLocaleLowerCase('en-US'),
      );
    const emails = [...new Set(systems.flatMap(emailsOf))];
    // One query for every group: the values of one key are alternatives.
    const { items: groups } = emails.length
      ? await catalog.getEntities({
          filter: { kind: 'group', 'spec.profile.email': emails },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'metadata.description',
            'metadata.links',
            `metadata.annotations.${ANNOTATIONS.declaredIn}`,
            'spec.profile',
          ],
        })
      : { items: [] };
    const byEmail = new Map(groups.map(g => [emailOf(g), g]));
    return systems
      .map(system => ({
        system,
        groups: emailsOf(system).map(email => ({
          email,
          group: byEmail.get(email),
        })),
      }))
      .sort((a, b) => byTitle(a.system, b.system));
  }, [catalog]);
}

/** How to join a group (`howToJoin`), as the table's last column says it. */
function HowToJoin(props: { group?: Entity }) {
  const join = howToJoin(props.group);
  switch (join.kind) {
    case 'pull-request':
      return (
        <>
          A pull request to <Link to={join.url}>{join.path}</Link> in{' '}
          {join.repository}
        </>
      );
    case 'ask':
      return (
        <>
          Ask to join on <Link to={join.url}>{join.title}</Link>
        </>
      );
    default:
      return <>Ask the system's owners</>;
  }
}

/**
 * A cell's style. Paths such as groups/sig-k8s-infra/groups.yaml and the URLs in descriptions
 * have no break opportunity: at 768 px they pushed "How to join" out of the card.
 */
const CELL = { padding: '4px 8px', overflowWrap: 'anywhere' } as const;

function AccessTable(props: { access: SystemAccess[] }) {
  if (props.access.length === 0) {
    return (
      <Typography variant="body2">
        No system names its access groups yet: ask the owners under “Whom to
        ask”.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" style={{ marginBottom: 8 }}>
        Access to a system comes with membership of its groups. Ask to join the
        one your work needs, and say why.
      </Typography>
      <table
        aria-label="Access groups by system"
        style={{ borderCollapse: 'collapse', width: '100%' }}
      >
        <thead>
          <tr>
            {['System', 'Group', 'What membership gives', 'How to join'].map(
              heading => (
                <th
                  key={heading}
                  scope="col"
                  style={{ ...CELL, textAlign: 'left' }}
                >
                  {heading}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {props.access.flatMap(({ system, groups }) =>
            groups.map(({ email, group }, i) => (
              <tr
                key={`${system.metadata.name}/${email}`}
                style={{
                  borderTop:
                    i === 0 ? '1px solid rgba(128, 128, 128, 0.3)' : undefined,
                }}
              >
                {i === 0 && (
                  <th
                    scope="rowgroup"
                    rowSpan={groups.length}
                    style={{
                      ...CELL,
                      textAlign: 'left',
                      verticalAlign: 'top',
                      fontWeight: 'normal',
                    }}
                  >
                    <EntityRefLink
                      entityRef={system}
                      title={system.metadata.title ?? system.metadata.name}
                    />
                  </th>
                )}
                <td style={CELL}>
                  {group ? (
                    <EntityRefLink entityRef={group} title={email} />
                  ) : (
                    <span title="Named by the system, but not in the catalog">
                      {email}
                    </span>
                  )}
                </td>
                <td style={CELL}>
                  <WithCode text={group?.metadata.description ?? ''} />
                </td>
                <td style={CELL}>
                  <HowToJoin group={group} />
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </>
  );
}

/** Which group to join for which system, what it grants and how to ask. */
export function AccessWidget() {
  const state = useAccess();
  return (
    <AnswerState {...state}>
      {access => <AccessTable access={access} />}
    </AnswerState>
  );
}
