import {
  EvidenceStep,
  InventoryClient,
  PlacementResponse,
  typeNoun,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { EntityAnswerCard } from './AnswerState';
import { EntityName, EvidenceChain } from './Evidence';
import { plural } from './format';

/** A titled list of the answer's parts. */
function ListSection(props: {
  title: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        {props.title}
      </Typography>
      <ul aria-label={props.label}>{props.children}</ul>
    </>
  );
}

/** One part of the answer, opening on the evidence that states it. */
function ExplainedItem(props: { summary: ReactNode; steps: EvidenceStep[] }) {
  return (
    <li>
      <details>
        <summary>{props.summary}</summary>
        <EvidenceChain steps={props.steps} />
      </details>
    </li>
  );
}

function Placement(props: { answer: PlacementResponse }) {
  const { chains, dnsNames, hosts, runsAs = [], staticIps = [] } = props.answer;
  return (
    <>
      {chains.length === 0 && (
        <Typography variant="body2">
          Runs in nothing the inventory knows: it is a root.
        </Typography>
      )}
      {chains.map((chain, i) => (
        <details key={i}>
          <summary aria-label={`Chain ${i + 1}`}>
            {chain.path.map((hop, j) => (
              <span key={hop.ref}>
                {j > 0 && ' → '}
                <EntityName entity={hop} />
                {/* An app and its namespace often share a name: the type tells them apart. */}
                {hop.type && (
                  <Typography
                    component="span"
                    variant="caption"
                    color="textSecondary"
                  >
                    {` (${typeNoun(hop.type, 1)})`}
                  </Typography>
                )}
              </span>
            ))}
          </summary>
          <EvidenceChain steps={chain.steps} />
        </details>
      ))}
      {dnsNames.length > 0 && (
        <ListSection
          title={`Reached by ${plural(
            dnsNames.length,
            'DNS name',
            'DNS names',
          )}`}
          label="DNS names"
        >
          {dnsNames.map(name => (
            <ExplainedItem
              key={name.record}
              summary={name.fqdn.replace(/\.$/, '')}
              steps={name.steps}
            />
          ))}
        </ListSection>
      )}
      {runsAs.length > 0 && (
        <ListSection title="Runs as" label="Service accounts">
          {runsAs.map(identity => (
            <ExplainedItem
              key={identity.serviceAccount.ref}
              summary={
                <>
                  <EntityName entity={identity.serviceAccount} />
                  {identity.actsAs && (
                    <>
                      {', acting in GCP as '}
                      <EntityName entity={identity.actsAs} />
                    </>
                  )}
                </>
              }
              steps={identity.steps}
            />
          ))}
        </ListSection>
      )}
      {staticIps.length > 0 && (
        <ListSection
          title={`Reached at ${plural(
            staticIps.length,
            'static IP',
            'static IPs',
          )}`}
          label="Static IPs"
        >
          {staticIps.map(ip => (
            <li key={ip.name}>
              {ip.address ? <EntityName entity={ip.address} /> : ip.name}
            </li>
          ))}
        </ListSection>
      )}
      {hosts.length > 0 && (
        <Typography variant="body2" style={{ marginTop: 16 }}>
          Hosts {plural(hosts.length, 'entity', 'entities')}:{' '}
          {hosts.slice(0, 10).map((h, i) => (
            <span key={h.ref}>
              {i > 0 && ', '}
              <EntityName entity={h} />
            </span>
          ))}
          {hosts.length > 10 && ', …'}
        </Typography>
      )}
    </>
  );
}

/** The card's question, defined once: EntityAnswerCard asks again when it changes. */
const askPlacement = (inventory: InventoryClient, ref: string) =>
  inventory.placement(ref);

/** Where the entity runs, up to the organization, and the DNS names that reach it. */
export function PlacementCard() {
  return (
    <EntityAnswerCard title="Where it runs" ask={askPlacement}>
      {answer => <Placement answer={answer} />}
    </EntityAnswerCard>
  );
}
