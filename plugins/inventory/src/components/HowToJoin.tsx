import { Link } from '@backstage/core-components';
import { JoinGroup } from '@infra-atlas/inventory-common';
import { EntityName } from './Evidence';

/** Approvers named per file (the card stands in a narrow column); the OWNERS file lists all. */
const APPROVERS_SHOWN = 3;

/** Who approves the file, a few by login, the rest counted. */
function Approvers(props: {
  join: Extract<JoinGroup, { kind: 'pull-request' }>;
}) {
  const { approvers, ownersFile } = props.join;
  if (!approvers?.length) {
    return <> Who approves it is not known: ask the owners.</>;
  }
  const shown = approvers.slice(0, APPROVERS_SHOWN);
  return (
    <>
      {' '}
      Approved by{' '}
      {shown.map((a, i) => (
        <span key={a.login}>
          {i > 0 && ', '}
          <EntityName entity={{ ...a.entity, title: a.login }} />
        </span>
      ))}
      {approvers.length > shown.length &&
        ` and ${approvers.length - shown.length} more`}
      {ownersFile && (
        <>
          {' '}
          (<Link to={ownersFile.url}>{ownersFile.file}</Link>)
        </>
      )}
      .
    </>
  );
}

/** How to join a group, as an instruction: the file to change and who approves it. */
export function HowToJoin(props: { join: JoinGroup; email: string }) {
  const { join, email } = props;
  switch (join.kind) {
    case 'pull-request':
      return (
        <>
          Send a pull request adding your address to <strong>{email}</strong> in{' '}
          <Link to={join.line ? `${join.url}#L${join.line}` : join.url}>
            {join.path}
          </Link>{' '}
          ({join.repository}
          {join.line ? `, members from line ${join.line}` : ''}).
          <Approvers join={join} />
        </>
      );
    case 'ask':
      return (
        <>
          Ask to join on its <Link to={join.url}>{join.title}</Link> page.
        </>
      );
    default:
      return <>It is not declared in git: ask the owners.</>;
  }
}
