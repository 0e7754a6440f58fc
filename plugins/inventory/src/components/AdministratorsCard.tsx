import {
  ACCESS_POWERS,
  ADMINISTRATORS_DEFAULTS,
  AccessGrant,
  AccessGrantRow,
  AccessPower,
  AdministratorsResponse,
  InventoryClient,
  describeCondition,
} from '@infra-atlas/inventory-common';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { inventoryApiRef } from '../api';
import { EntityAnswerCard } from './AnswerState';
import { EntityName, EvidenceChain } from './Evidence';
import { plural } from './format';
import { memberText, whereGranted } from './grantWords';
import { PAGE_SIZE, ShowMore, useMorePages } from './ownership/MorePages';

/** Each power as a heading says it. */
export const POWER_HEADINGS: Record<AccessPower, string> = {
  administer: 'Can administer',
  write: 'Can change',
  read: 'Can read',
  other: 'Other roles',
};

/** A row's React key: the answer folds rows by these, so no two rows of a power share it. */
const rowKey = (row: AccessGrantRow) =>
  [
    row.member,
    row.grantedOn,
    row.via,
    row.condition?.expression,
    row.condition?.status,
    row.customRole?.ref,
  ].join(' ');

/** `conditional: break-glass`, `expired 2024-06-01: temporary access`, or nothing. */
function ConditionNote(props: {
  grant: { condition?: AccessGrant['condition'] };
}) {
  const { condition } = props.grant;
  if (!condition) return null;
  return (
    <strong
      style={
        condition.status === 'conditional' ? undefined : { color: '#b00020' }
      }
      title={condition.expression}
    >
      {' '}
      ({describeCondition(condition)})
    </strong>
  );
}

function GrantItem(props: { row: AccessGrantRow }) {
  const { row: g } = props;
  return (
    <li>
      <details>
        <summary>
          {g.principal.exists ? (
            <EntityName entity={g.principal} />
          ) : (
            memberText(g.member)
          )}{' '}
          — {g.roles.join(', ')}{' '}
          {g.customRole && (
            <>
              (<EntityName entity={g.customRole} /> says what it grants){' '}
            </>
          )}
          {g.inherited ? `inherited ${whereGranted(g)}` : 'granted here'}
          {g.via && `, through ${g.via}`}
          <ConditionNote grant={g} />
        </summary>
        <EvidenceChain steps={g.steps} />
      </details>
    </li>
  );
}

function OwnerLine(props: { owner: AdministratorsResponse['owner'] }) {
  const { owner } = props;
  if (!owner) {
    return <Typography variant="body2">No owner is known.</Typography>;
  }
  return (
    <Typography variant="body2">
      {owner.unowned ? (
        <strong>Unowned: no ownership rule attributes it to anyone.</strong>
      ) : (
        <>
          Owned by <EntityName entity={owner.entity} />
          {owner.contacts.length > 0 &&
            ` — ${owner.contacts.map(c => c.value).join(', ')}`}
        </>
      )}
      {owner.coOwners.map(coOwner => (
        <Typography
          key={coOwner.entity.ref}
          variant="body2"
          component="span"
          display="block"
        >
          Shared with <EntityName entity={coOwner.entity} />
          {coOwner.evidence && (
            <Typography variant="caption" display="block">
              Why: {coOwner.evidence}
            </Typography>
          )}
        </Typography>
      ))}
      {owner.evidence && (
        <Typography variant="caption" display="block">
          Why: {owner.evidence}
        </Typography>
      )}
    </Typography>
  );
}

/**
 * The roles that give a person their strongest current power: the summary line says why they
 * "can administer"; every role and path is in the details below it.
 */
function strongestRoles(person: AdministratorsResponse['people'][number]) {
  const roles = person.paths
    .filter(
      path =>
        path.power === person.power &&
        (!path.condition || path.condition.status === 'conditional'),
    )
    .map(path => path.role);
  return [...new Set(roles.length ? roles : person.roles)];
}

/** "2 can administer, 5 can change, 12 can read": principals whose grants can apply now. */
function headline(counts: AdministratorsResponse['principalCounts']): string {
  const parts = (['administer', 'write', 'read'] as const)
    .filter(power => counts[power] > 0)
    .map(
      power =>
        `${plural(counts[power], 'principal', 'principals')} ${POWER_HEADINGS[
          power
        ].toLowerCase()}`,
    );
  return parts.length ? `${parts.join(', ')} it.` : 'No IAM grants.';
}

type Person = AdministratorsResponse['people'][number];

function PersonItem(props: { person: Person }) {
  const { person: p } = props;
  return (
    <li>
      <details>
        <summary>
          <EntityName entity={p.person} /> —{' '}
          {POWER_HEADINGS[p.power].toLowerCase()} (
          {strongestRoles(p).join(', ')})
        </summary>
        {p.paths.map((path, i) => (
          <div key={`${path.role} ${path.grantedOn} ${i}`}>
            <Typography variant="caption">
              {path.role} on {path.grantedOn}
              <ConditionNote grant={path} />
            </Typography>
            <EvidenceChain steps={path.steps} />
          </div>
        ))}
      </details>
    </li>
  );
}

/** People asked for per "Show all": the most the API lists in one answer. */
const PEOPLE_PER_ASK = 500;

/**
 * The people behind the grants: the answer brings the first few (it counts them all); "Show
 * all" asks for the rest, so an organization's hundreds of people stay out of every answer
 * until a reader wants them.
 */
function People(props: { answer: AdministratorsResponse }) {
  const { answer } = props;
  const inventory = useApi(inventoryApiRef);
  const total = ACCESS_POWERS.reduce((n, p) => n + answer.peopleCounts[p], 0);
  const [rest, askRest] = useAsyncFn(
    async (shown: Person[]) => {
      const page = await inventory.administrators(answer.entity.ref, {
        offset: answer.peopleOffset + shown.length,
        pageSize: PEOPLE_PER_ASK,
      });
      return [...shown, ...page.people];
    },
    [inventory, answer],
  );
  const people = rest.value ?? answer.people;
  if (!total) return null;
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        People behind these grants ({total.toLocaleString('en-US')})
      </Typography>
      <ul aria-label="People">
        {people.map(p => (
          <PersonItem key={p.person.ref} person={p} />
        ))}
      </ul>
      {people.length < total && (
        <Button
          size="small"
          disabled={rest.loading}
          onClick={() => askRest(people)}
        >
          Show all {total.toLocaleString('en-US')}
        </Button>
      )}
      {rest.error && (
        <Typography variant="body2" color="error" role="alert">
          Could not load the other people: {rest.error.message}
        </Typography>
      )}
    </>
  );
}

/**
 * One power's rows: the answer brings the first few (it counts them all), and "Show 10 more
 * of N" asks for the next ones of this power only.
 */
function PowerRows(props: {
  answer: AdministratorsResponse;
  power: AccessPower;
}) {
  const { answer, power } = props;
  const inventory = useApi(inventoryApiRef);
  const total = answer.rowCounts[power];
  const { items, ...pages } = useMorePages(
    answer.grants.filter(row => row.power === power),
    async offset =>
      (
        await inventory.administrators(answer.entity.ref, {
          power,
          offset,
          pageSize: PAGE_SIZE,
        })
      ).grants,
    ADMINISTRATORS_DEFAULTS.pageSize,
  );
  if (!total) return null;
  return (
    <section>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        {POWER_HEADINGS[power]} ({total.toLocaleString('en-US')})
      </Typography>
      <ul aria-label={POWER_HEADINGS[power]}>
        {items.map(row => (
          <GrantItem key={rowKey(row)} row={row} />
        ))}
      </ul>
      <ShowMore total={total} pages={pages} />
    </section>
  );
}

function Access(props: { answer: AdministratorsResponse }) {
  const { answer } = props;
  return (
    <>
      <OwnerLine owner={answer.owner} />
      <Typography variant="body2" style={{ marginTop: 16 }}>
        {headline(answer.principalCounts)}
      </Typography>
      {ACCESS_POWERS.map(power => (
        <PowerRows
          key={`${answer.entity.ref} ${power}`}
          answer={answer}
          power={power}
        />
      ))}
      <People key={props.answer.entity.ref} answer={props.answer} />
      {answer.redacted && (
        <Typography variant="caption" display="block">
          Personal details are hidden: your account lacks
          inventory.personal-details.read.
        </Typography>
      )}
    </>
  );
}

/** The card's question, defined once: EntityAnswerCard asks again when it changes. */
const askAdministrators = (inventory: InventoryClient, ref: string) =>
  inventory.administrators(ref);

/**
 * The owner and why (or that nobody owns it), then who can do what: the IAM grants, direct
 * and inherited, in rows per power (the first five of each, the next on request), with
 * conditions stated, and the people behind them.
 */
export function AdministratorsCard() {
  return (
    <EntityAnswerCard
      title="Who owns it, who has access"
      ask={askAdministrators}
    >
      {answer => <Access answer={answer} />}
    </EntityAnswerCard>
  );
}
