import { Link } from '@backstage/core-components';
import {
  InventoryClient,
  OwnersFilesPerson,
  OwnersFilesResponse,
} from '@infra-atlas/inventory-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { EntityAnswerCard } from './AnswerState';
import { EntityName } from './Evidence';
import { gitFile } from './links';

/** The files all lie in the card's one repository: their path names them. */
const pathOf = (url: string) => gitFile(url)?.path ?? url;

function Person(props: { person: OwnersFilesPerson; emeritus?: boolean }) {
  const { person, login, file, aliases } = props.person;
  return (
    <li>
      {/* OWNERS files name people by login: the login leads, their name follows. */}
      {person.exists ? (
        <EntityName entity={{ ...person, title: login }} />
      ) : (
        login
      )}
      {person.exists && person.title !== login && ` (${person.title})`}
      {props.emeritus && (
        <>
          {' '}
          <Chip
            size="small"
            variant="outlined"
            label="emeritus"
            aria-label={`${login} is emeritus: no longer an owner`}
          />
        </>
      )}{' '}
      <Typography variant="caption" color="textSecondary">
        from <Link to={file}>{pathOf(file)}</Link>
        {aliases.length > 0 && (
          <>
            {'; in '}
            {aliases.map((alias, i) => (
              <span key={alias.ref}>
                {i > 0 && ', '}
                <EntityName
                  entity={{
                    ...alias,
                    // Alias groups are titled `alias (owner/repo)`; the card names the repo.
                    title: alias.title.replace(/ \([^)]*\)$/, ''),
                  }}
                />
              </span>
            ))}
          </>
        )}
      </Typography>
    </li>
  );
}

function PeopleList(props: {
  label: string;
  people: OwnersFilesPerson[];
  emeritus?: boolean;
}) {
  const { label, people, emeritus } = props;
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        {label} ({people.length})
      </Typography>
      {people.length === 0 ? (
        <Typography variant="body2">None named.</Typography>
      ) : (
        <ul aria-label={label} style={{ paddingLeft: 20, marginTop: 4 }}>
          {people.map(p => (
            <Person key={p.login} person={p} emeritus={emeritus} />
          ))}
        </ul>
      )}
    </>
  );
}

function OwnersFiles(props: { answer: OwnersFilesResponse }) {
  const { repository, directory, files, approvers, reviewers, emeritus } =
    props.answer;
  if (!repository || files.length === 0) {
    return (
      <Typography variant="body2">
        No OWNERS file governs it: it is not a repository with OWNERS files, nor
        declared in one.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">
        Changes to <code>{directory ? `${directory}/` : '/'}</code> in{' '}
        <EntityName entity={repository} /> need an approver below (Prow{' '}
        <code>/approve</code>); reviewers <code>/lgtm</code>.
      </Typography>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        OWNERS files, nearest first
      </Typography>
      <ol aria-label="OWNERS files" style={{ paddingLeft: 20, marginTop: 4 }}>
        {files.map(file => (
          <li key={file}>
            <Link to={file}>{pathOf(file)}</Link>
          </li>
        ))}
      </ol>
      <PeopleList label="Approvers" people={approvers} />
      <PeopleList label="Reviewers" people={reviewers} />
      {emeritus.length > 0 && (
        <PeopleList label="Emeritus" people={emeritus} emeritus />
      )}
    </>
  );
}

/** The card's question, defined once: EntityAnswerCard asks again when it changes. */
const askOwnersFiles = (inventory: InventoryClient, ref: string) =>
  inventory.ownersFiles(ref);

/** Who approves and reviews changes to the entity, from the OWNERS files that govern it. */
export function OwnersFilesCard() {
  return (
    <EntityAnswerCard title="OWNERS" ask={askOwnersFiles}>
      {answer => <OwnersFiles answer={answer} />}
    </EntityAnswerCard>
  );
}
