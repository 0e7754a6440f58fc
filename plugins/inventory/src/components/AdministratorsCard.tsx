import {
  AdministratorsResponse,
  InventoryClient,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { EntityAnswerCard } from './AnswerState';
import { EntityName, EvidenceChain } from './Evidence';

const PEOPLE_SHOWN = 25;

function Administrators(props: { answer: AdministratorsResponse }) {
  const { owner, grants, people, redacted } = props.answer;
  const direct = grants.filter(g => !g.inherited);
  const inherited = grants.filter(g => g.inherited);
  const grantList = (list: typeof grants, label: string) =>
    list.length > 0 && (
      <>
        <Typography variant="subtitle2" style={{ marginTop: 16 }}>
          {label} ({list.length})
        </Typography>
        <ul aria-label={label}>
          {list.map(g => (
            <li key={`${g.member} ${g.role} ${g.grantedOn}`}>
              <details>
                <summary>
                  {g.principal.exists ? (
                    <EntityName entity={g.principal} />
                  ) : (
                    g.member
                  )}{' '}
                  — {g.role} on {g.grantedOn}
                </summary>
                <EvidenceChain steps={g.steps} />
              </details>
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <>
      {owner ? (
        <Typography variant="body2">
          Owned by <EntityName entity={owner.entity} />
          {owner.contacts.length > 0 &&
            ` — ${owner.contacts.map(c => c.value).join(', ')}`}
          {owner.evidence && (
            <Typography variant="caption" display="block">
              Why: {owner.evidence}
            </Typography>
          )}
        </Typography>
      ) : (
        <Typography variant="body2">No owner is known.</Typography>
      )}
      {grants.length === 0 && (
        <Typography variant="body2" style={{ marginTop: 16 }}>
          No administrative IAM grants.
        </Typography>
      )}
      {grantList(direct, 'Granted here')}
      {grantList(inherited, 'Inherited')}
      {people.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            People who can administer it ({people.length})
          </Typography>
          <ul aria-label="People">
            {people.slice(0, PEOPLE_SHOWN).map(p => (
              <li key={p.person.ref}>
                <details>
                  <summary>
                    <EntityName entity={p.person} /> — {p.roles.join(', ')}
                  </summary>
                  {p.paths.map(path => (
                    <div key={`${path.role} ${path.grantedOn}`}>
                      <Typography variant="caption">
                        {path.role} on {path.grantedOn}
                      </Typography>
                      <EvidenceChain steps={path.steps} />
                    </div>
                  ))}
                </details>
              </li>
            ))}
          </ul>
          {people.length > PEOPLE_SHOWN && (
            <Typography variant="caption">
              and {people.length - PEOPLE_SHOWN} more
            </Typography>
          )}
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

/** The owner and why, every administrative grant (direct and inherited), and the people. */
export function AdministratorsCard() {
  return (
    <EntityAnswerCard title="Who administers it" ask={askAdministrators}>
      {answer => <Administrators answer={answer} />}
    </EntityAnswerCard>
  );
}
