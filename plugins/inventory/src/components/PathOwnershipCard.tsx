import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  BACKSTAGE_ANNOTATIONS,
  PathOwnershipPerson,
  PathOwnershipResponse,
  codeOwnershipOf,
  ownersFileDir,
} from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { FormEvent, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../api';
import { AnswerState } from './AnswerState';
import { EntityName } from './Evidence';

/** A person by their login, linked to their page when the catalog has them. */
function PersonName(props: { person: PathOwnershipPerson }) {
  const { person } = props;
  return person.entity.exists ? (
    <EntityName entity={{ ...person.entity, title: person.login }} />
  ) : (
    <>{person.login}</>
  );
}

/** Where each OWNERS entry naming the person is, and the alias it goes through. */
function Because(props: { person: PathOwnershipPerson }) {
  return (
    <Typography variant="caption" color="textSecondary">
      {props.person.because.map((reason, i) => (
        <span key={`${reason.url}-${i}`}>
          {i > 0 ? '; ' : ' — '}
          <Link to={reason.url}>
            {reason.file} line {reason.line}
          </Link>
          {reason.filter && reason.filter !== '.*'
            ? ` (files matching ${reason.filter})`
            : ''}
          {reason.alias && (
            <>
              {' through '}
              <Link to={reason.alias.definedAt.url}>{reason.alias.name}</Link>
            </>
          )}
        </span>
      ))}
    </Typography>
  );
}

function People(props: { label: string; people: PathOwnershipPerson[] }) {
  const { label, people } = props;
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        {label} ({people.length})
      </Typography>
      {people.length === 0 ? (
        <Typography variant="body2">None.</Typography>
      ) : (
        <ul aria-label={label} style={{ paddingLeft: 20, marginTop: 4 }}>
          {people.map(person => (
            <li key={person.login}>
              <PersonName person={person} />
              <Because person={person} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function CodeOwners(props: { answer: PathOwnershipResponse }) {
  const { codeowners } = props.answer;
  if (!codeowners) return null;
  const { rule, owners } = codeowners;
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Code owners (GitHub requests their review)
      </Typography>
      <Typography variant="body2" aria-label="Code owners">
        {!rule && (
          <>
            No rule of <Link to={codeowners.url}>{codeowners.file}</Link>{' '}
            matches: nobody.
          </>
        )}
        {rule && owners.length === 0 && 'Nobody: the rule names no owner. '}
        {rule &&
          owners.map((owner, i) => (
            <span key={owner.name}>
              {i > 0 && ', '}
              {owner.entity.exists ? (
                <EntityName entity={{ ...owner.entity, title: owner.name }} />
              ) : (
                owner.name
              )}
            </span>
          ))}
        {rule && (
          <Typography variant="caption" color="textSecondary">
            {' — '}
            <Link to={rule.url}>
              {codeowners.file} line {rule.line}
            </Link>{' '}
            (<code>{rule.pattern}</code>)
          </Typography>
        )}
      </Typography>
    </>
  );
}

function Answer(props: { answer: PathOwnershipResponse }) {
  const { answer } = props;
  const shown = answer.path
    ? `${answer.path}${answer.assumed === 'directory' ? '/' : ''}`
    : '/';
  return (
    <>
      <Typography variant="body1" aria-label="Answer">
        Approvers of <code>{shown}</code>:{' '}
        {answer.approvers.length
          ? answer.approvers.map(p => p.login).join(', ')
          : 'nobody'}
        .
      </Typography>
      <Typography variant="caption" color="textSecondary">
        Read as a {answer.assumed}
        {answer.ownersFiles.length > 0 && (
          <>
            {' '}
            under{' '}
            {answer.ownersFiles.map((f, i) => (
              <span key={f.file}>
                {i > 0 && ', '}
                <Link to={f.url}>{f.file}</Link>
              </span>
            ))}
          </>
        )}
        {answer.inheritanceStoppedAt && (
          <>
            ; the parents' approvers stop at{' '}
            <Link to={answer.inheritanceStoppedAt.url}>
              {answer.inheritanceStoppedAt.file} line{' '}
              {answer.inheritanceStoppedAt.line}
            </Link>{' '}
            (no_parent_owners)
          </>
        )}
        .
      </Typography>
      <People label="Approvers" people={answer.approvers} />
      <People label="Reviewers" people={answer.reviewers} />
      <CodeOwners answer={answer} />
      {answer.labels.length > 0 && (
        <Typography variant="body2" style={{ marginTop: 16 }}>
          Labels: {answer.labels.map(l => l.label).join(', ')}
        </Typography>
      )}
      {answer.emeritus.length > 0 && (
        <Typography variant="body2" aria-label="Emeritus">
          Emeritus, no longer approving or reviewing:{' '}
          {[...new Set(answer.emeritus.map(e => e.login))].join(', ')}
        </Typography>
      )}
      {answer.notes.map(note => (
        <Typography key={note} variant="body2" color="textSecondary">
          {note}
        </Typography>
      ))}
    </>
  );
}

/**
 * Who approves, reviews and code-owns any path of the repository: a path box (its directories
 * with OWNERS files as suggestions), the answer first, then each person with the file and line
 * that names them.
 */
export function PathOwnershipCard() {
  const { entity } = useEntity();
  const inventory = useApi(inventoryApiRef);
  const repository =
    entity.metadata.annotations?.[BACKSTAGE_ANNOTATIONS.projectSlug] ?? '';
  const directories = useMemo(
    () =>
      (codeOwnershipOf(entity)?.owners ?? [])
        .map(f => ownersFileDir(f.path))
        .map(dir => (dir ? `${dir}/` : '/')),
    [entity],
  );
  const [draft, setDraft] = useState('');
  const [path, setPath] = useState<string>();
  const state = useAsync(
    async () =>
      path === undefined
        ? undefined
        : inventory.pathOwnership(repository, path),
    [inventory, repository, path],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setPath(draft.trim());
  };
  const listId = `path-suggestions-${entity.metadata.name}`;
  return (
    <InfoCard title="Who approves a path">
      <form onSubmit={submit} style={{ display: 'flex', gap: 8 }}>
        <TextField
          id={`path-${entity.metadata.name}`}
          label="Path in the repository"
          placeholder="apps/gcsweb/deployment.yaml"
          helperText="A file, or a directory ending in /"
          value={draft}
          onChange={e => setDraft(e.target.value)}
          inputProps={{ list: listId }}
          fullWidth
        />
        <datalist id={listId}>
          {directories.map(dir => (
            <option key={dir} value={dir} />
          ))}
        </datalist>
        <Button type="submit" variant="contained" color="primary">
          Ask
        </Button>
      </form>
      {path !== undefined && (
        <div style={{ marginTop: 16 }}>
          <AnswerState
            {...state}
            notFoundTitle={`No ownership rules for ${repository} yet`}
            notFoundDescription="The inventory re-reads the catalog every few seconds; try again shortly."
          >
            {answer => <Answer answer={answer} />}
          </AnswerState>
        </div>
      )}
    </InfoCard>
  );
}
