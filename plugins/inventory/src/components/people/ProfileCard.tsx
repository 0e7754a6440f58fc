import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  OwnershipResponse,
  entityTitle,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { ownershipRouteRef } from '../../routes';
import { EntityAnswerCard } from '../AnswerState';
import { EntityName } from '../Evidence';
import { plural } from '../format';
import { HowToJoin } from '../HowToJoin';

/** Groups and identities listed before "and N more". */
const SHOWN = 5;

const ask = (inventory: InventoryClient, ref: string) =>
  // The summary and the counts are what the card shows: one item per role is enough.
  inventory.ownership(ref, { limit: 1, pageSize: 1 });

const profileOf = (entity: Entity) =>
  (entity.spec as { profile?: { email?: string } } | undefined)?.profile;

function Names(props: { entities: OwnershipResponse['groups'] }) {
  const shown = props.entities.slice(0, SHOWN);
  const more = props.entities.length - shown.length;
  return (
    <>
      {shown.map((g, i) => (
        <span key={g.entity.ref}>
          {i > 0 && ', '}
          <EntityName entity={g.entity} />
        </span>
      ))}
      {more > 0 && ` and ${more} more`}
    </>
  );
}

function Holds(props: { answer: OwnershipResponse; entity: Entity }) {
  const lookup = useRouteRef(ownershipRouteRef);
  const { summary } = props.answer;
  return (
    <>
      {summary.length > 0 && (
        <ul>
          {summary.slice(0, 3).map(line => (
            <li key={line}>
              <Typography variant="body2">{line}</Typography>
            </li>
          ))}
        </ul>
      )}
      {lookup && (
        <Link to={`${lookup()}?q=${encodeURIComponent(props.answer.query)}`}>
          Everything {entityTitle(props.entity)} holds, with the evidence
        </Link>
      )}
    </>
  );
}

function GroupProfile(props: { entity: Entity; answer: OwnershipResponse }) {
  const { entity, answer } = props;
  const email = profileOf(entity)?.email;
  return (
    <>
      {email && (
        <Typography variant="body1" paragraph>
          <Link to={`mailto:${email}`}>{email}</Link>
        </Typography>
      )}
      {answer.groups.length > 0 && (
        <Typography variant="body2" paragraph>
          Member of <Names entities={answer.groups} />.
        </Typography>
      )}
      {answer.join && email && (
        <Typography variant="body2" paragraph>
          <strong>How to join:</strong>{' '}
          <HowToJoin join={answer.join} email={email} />
        </Typography>
      )}
      <Holds answer={answer} entity={entity} />
    </>
  );
}

/** Why two identities are one person, as the link that joined them says. */
function whyTheSame(identity: OwnershipResponse['identities'][number]) {
  const provenance = identity.steps[0]?.provenance;
  return provenance?.kind === 'inferred' ? `: ${provenance.detail}` : '';
}

function PersonProfile(props: { entity: Entity; answer: OwnershipResponse }) {
  const { entity, answer } = props;
  // Answers give refs lower-cased, as the catalog compares them.
  const self = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const others = answer.identities.filter(i => i.entity.ref !== self);
  return (
    <>
      {others.length > 0 && (
        <Typography variant="body2" paragraph>
          The same person as <Names entities={others} />
          {whyTheSame(others[0])}.
        </Typography>
      )}
      {answer.groups.length > 0 && (
        <Typography variant="body2" paragraph>
          Member of {plural(answer.groups.length, 'group', 'groups')}:{' '}
          <Names entities={answer.groups} />.
        </Typography>
      )}
      <Holds answer={answer} entity={entity} />
    </>
  );
}

/**
 * Who a group or person is, in the inventory's words: for a group, its address, the groups it
 * is in, how to join it and what it holds (its member counts lead that summary); for a person, the
 * other identities that are the same person (a GitHub login and an e-mail address), the
 * groups they are in and what they hold. It replaces the catalog's profile cards, which show
 * entity refs (`Entity Ref group:default/…`) and encoded names.
 */
export function ProfileCard() {
  const { entity } = useEntity();
  const isGroup = entity.kind.toLowerCase() === 'group';
  return (
    <EntityAnswerCard
      title={isGroup ? 'About this group' : 'About this person'}
      ask={ask}
    >
      {answer =>
        isGroup ? (
          <GroupProfile entity={entity} answer={answer} />
        ) : (
          <PersonProfile entity={entity} answer={answer} />
        )
      }
    </EntityAnswerCard>
  );
}
