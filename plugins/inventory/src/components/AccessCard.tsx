import {
  AccessResponse,
  AccessRoute,
  AccessRouteGrant,
  InventoryClient,
  describeCondition,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { EntityAnswerCard } from './AnswerState';
import { POWER_HEADINGS } from './AdministratorsCard';
import { EntityName } from './Evidence';
import { plural } from './format';
import { HowToJoin } from './HowToJoin';
import { memberText, whereGranted } from './grantWords';

/** Groups shown before the fold: the narrowest ones, which are the ones to ask for. */
const ROUTES_SHOWN = 3;
/** People and service accounts granted directly, before the fold. */
const DIRECT_SHOWN = 3;
/** Roles named per place a group is granted them; the rest are counted. */
const ROLES_SHOWN = 2;

/** A role as the list says it, with its condition when it has one. */
const roleText = (grant: AccessRouteGrant) =>
  `${grant.role}${
    grant.condition ? ` (${describeCondition(grant.condition)})` : ''
  }`;

/**
 * "roles/run.admin, roles/viewer and 2 more here; roles/owner from the organization": the
 * roles by where they are granted, a few named each (the card stands in a narrow column).
 */
function rolesByPlace(grants: AccessRouteGrant[]): string {
  const places = new Map<string, string[]>();
  for (const grant of grants) {
    const where = whereGranted(grant);
    places.set(where, [...(places.get(where) ?? []), roleText(grant)]);
  }
  return [...places]
    .map(([where, roles]) => {
      const more = roles.length - ROLES_SHOWN;
      return `${roles.slice(0, ROLES_SHOWN).join(', ')}${
        more > 0 ? ` and ${more} more` : ''
      } ${where}`;
    })
    .join('; ');
}

/** "can administer: roles/owner here; access group of X". */
function WhatItGives(props: { route: AccessRoute }) {
  const { grants, systems, power } = props.route;
  return (
    <>
      {grants.length > 0 &&
        `${POWER_HEADINGS[power].toLowerCase()}: ${rolesByPlace(grants)}`}
      {grants.length > 0 && systems.length > 0 && '; '}
      {systems.map((system, i) => (
        <span key={system.ref}>
          {i === 0 ? 'access group of ' : ', '}
          <EntityName entity={system} />
        </span>
      ))}
    </>
  );
}

function RouteItem(props: { route: AccessRoute }) {
  const { route } = props;
  return (
    // Role names run long (roles/containeranalysis.occurrences.viewer): the narrow column
    // breaks them rather than overflow.
    <li style={{ marginBottom: 8, overflowWrap: 'anywhere' }}>
      <EntityName entity={{ ...route.group, title: route.email }} /> —{' '}
      <WhatItGives route={route} />
      <Typography variant="body2" component="span" display="block">
        <HowToJoin join={route.join} email={route.email} />
      </Typography>
    </li>
  );
}

/** Whom to ask: the owner and its contacts, or that nobody owns it. */
function AskOwners(props: { owner: AccessResponse['owner'] }) {
  const { owner } = props;
  if (!owner || owner.unowned) {
    return (
      <Typography variant="body2">
        No owner is known to ask: the drift report lists it as unowned.
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      Ask the owners: <EntityName entity={owner.entity} />
      {owner.contacts.length > 0 &&
        ` (${owner.contacts.map(c => c.value).join(', ')})`}
      .
    </Typography>
  );
}

function DirectGrants(props: { direct: AccessResponse['direct'] }) {
  const { direct } = props;
  if (!direct.length) return null;
  const item = (d: AccessResponse['direct'][number]) => (
    <li key={d.member}>
      {d.principal.exists ? (
        <EntityName entity={d.principal} />
      ) : (
        memberText(d.member)
      )}{' '}
      — {d.roles.join(', ')}
      {d.inherited ? ' (inherited)' : ''}
    </li>
  );
  return (
    <>
      <Typography variant="body2" style={{ marginTop: 8 }}>
        Granted directly, not through a group (
        {plural(direct.length, 'principal', 'principals')}): no group to join
        for these roles.
      </Typography>
      <ul aria-label="Granted directly">
        {direct.slice(0, DIRECT_SHOWN).map(item)}
      </ul>
      {direct.length > DIRECT_SHOWN && (
        <details>
          <summary>{direct.length - DIRECT_SHOWN} more</summary>
          <ul>{direct.slice(DIRECT_SHOWN).map(item)}</ul>
        </details>
      )}
    </>
  );
}

function Access(props: { answer: AccessResponse }) {
  const { routes, direct, owner } = props.answer;
  const open = props.answer.public;
  const shown = routes.slice(0, ROUTES_SHOWN);
  const folded = routes.slice(ROUTES_SHOWN);
  const needsOwners =
    !routes.length || routes.some(r => r.join.kind === 'undeclared');
  return (
    <>
      {open.length > 0 && (
        <Typography variant="body2" style={{ marginBottom: 8 }}>
          <strong>
            {open.every(p => p.power === 'read')
              ? 'Anyone can read it'
              : 'Anyone holds roles here'}
          </strong>{' '}
          ({open.map(p => `${p.member}: ${p.role}`).join(', ')}): no membership
          needed for that.
        </Typography>
      )}
      <Typography variant="body2">
        {routes.length
          ? `Access comes with membership of ${plural(
              routes.length,
              'group',
              'groups',
            )}. Join the narrowest one your work needs:`
          : 'No group grants access here.'}
      </Typography>
      {routes.length > 0 && (
        <ul aria-label="Groups that grant access" style={{ paddingLeft: 20 }}>
          {shown.map(route => (
            <RouteItem key={route.group.ref} route={route} />
          ))}
        </ul>
      )}
      {folded.length > 0 && (
        <details>
          <summary>
            {plural(folded.length, 'more group', 'more groups')}
          </summary>
          <ul style={{ paddingLeft: 20 }}>
            {folded.map(route => (
              <RouteItem key={route.group.ref} route={route} />
            ))}
          </ul>
        </details>
      )}
      <DirectGrants direct={direct} />
      {(needsOwners || direct.length > 0) && <AskOwners owner={owner} />}
    </>
  );
}

/** The card's question, defined once: EntityAnswerCard asks again when it changes. */
const askAccess = (inventory: InventoryClient, ref: string) =>
  inventory.access(ref);

/**
 * How to get access here: the groups whose membership grants it, narrowest first, each with
 * the file to send a pull request to and who approves it; whom to ask when no group does.
 */
export function AccessCard() {
  return (
    <EntityAnswerCard title="How to get access" ask={askAccess}>
      {answer => <Access answer={answer} />}
    </EntityAnswerCard>
  );
}
