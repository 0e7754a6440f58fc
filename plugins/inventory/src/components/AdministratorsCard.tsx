import {
  ACCESS_POWERS,
  AccessGrant,
  AccessPower,
  AdministratorsResponse,
  InventoryClient,
  describeCondition,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { EntityAnswerCard } from './AnswerState';
import { EntityName, EvidenceChain } from './Evidence';
import { plural } from './format';
import { FoldedList } from './FoldedList';
import { memberText, whereGranted } from './grantWords';

/** Rows per power and people shown before "Show all": the card stays within a screen or two. */
const SHOWN = 5;

/** Each power as a heading says it. */
export const POWER_HEADINGS: Record<AccessPower, string> = {
  administer: 'Can administer',
  write: 'Can change',
  read: 'Can read',
  other: 'Other roles',
};

/**
 * One principal's grants made in one place under one condition, as one row: an organization
 * admin group holding four roles there reads as one line with four roles, not four lines.
 */
type GrantRow = { grant: AccessGrant; roles: string[]; key: string };

function rowsOf(grants: AccessGrant[]): GrantRow[] {
  const rows = new Map<string, GrantRow>();
  for (const g of grants) {
    const key = [
      g.member,
      g.grantedOn,
      g.via,
      g.condition?.expression,
      g.condition?.status,
      g.customRole?.ref,
    ].join(' ');
    const row = rows.get(key);
    if (row) row.roles.push(g.role);
    else rows.set(key, { grant: g, roles: [g.role], key });
  }
  return [...rows.values()];
}

/**
 * Groups first, then domains and people, then service accounts: a reader looks for the group
 * to join before the robots, and only the first rows show until "Show all".
 */
const MEMBER_ORDER = ['group', 'domain', 'user', 'serviceAccount'];
const memberRank = (row: GrantRow) => {
  const rank = MEMBER_ORDER.indexOf(row.grant.member.split(':')[0]);
  return rank < 0 ? MEMBER_ORDER.length : rank;
};
const byMember = (a: GrantRow, b: GrantRow) => memberRank(a) - memberRank(b);

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

function GrantItem(props: { row: GrantRow }) {
  const { grant: g, roles } = props.row;
  return (
    <li>
      <details>
        <summary>
          {g.principal.exists ? (
            <EntityName entity={g.principal} />
          ) : (
            memberText(g.member)
          )}{' '}
          — {roles.join(', ')}{' '}
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

/** "2 can administer, 5 can change, 12 can read": grants that can apply now. */
function headline(grants: AccessGrant[]): string {
  const current = grants.filter(
    g => !g.condition || g.condition.status === 'conditional',
  );
  const parts = (['administer', 'write', 'read'] as const)
    .map(power => ({
      power,
      n: new Set(current.filter(g => g.power === power).map(g => g.member))
        .size,
    }))
    .filter(p => p.n > 0)
    .map(
      p =>
        `${plural(p.n, 'principal', 'principals')} ${POWER_HEADINGS[
          p.power
        ].toLowerCase()}`,
    );
  return parts.length ? `${parts.join(', ')} it.` : 'No IAM grants.';
}

function Access(props: { answer: AdministratorsResponse }) {
  const { owner, grants, people, redacted } = props.answer;
  return (
    <>
      <OwnerLine owner={owner} />
      <Typography variant="body2" style={{ marginTop: 16 }}>
        {headline(grants)}
      </Typography>
      {ACCESS_POWERS.map(power => {
        // Counted in rows, as listed: one principal's roles in one place are one row.
        const rows = rowsOf(grants.filter(g => g.power === power)).sort(
          byMember,
        );
        return (
          rows.length > 0 && (
            <section key={power}>
              <Typography variant="subtitle2" style={{ marginTop: 16 }}>
                {POWER_HEADINGS[power]} ({rows.length})
              </Typography>
              <FoldedList
                label={POWER_HEADINGS[power]}
                items={rows}
                shown={SHOWN}
              >
                {row => <GrantItem key={row.key} row={row} />}
              </FoldedList>
            </section>
          )
        );
      })}
      {people.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            People behind these grants ({people.length})
          </Typography>
          <FoldedList label="People" items={people} shown={SHOWN}>
            {p => (
              <li key={p.person.ref}>
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
            )}
          </FoldedList>
        </>
      )}
      {redacted && (
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
 * The owner and why (or that nobody owns it), then who can do what: every IAM grant, direct
 * and inherited, by power, with conditions stated, and the people behind them.
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
