import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  EvidenceStep,
  InventoryEntitySummary,
  RelationProvenance,
  titleFromEntityRef,
} from '@infra-atlas/inventory-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';

/** An entity of an answer: a link when the catalog has it, its name when it does not. */
export function EntityName(props: { entity: InventoryEntitySummary }) {
  const { entity } = props;
  if (!entity.exists) {
    return (
      <Tooltip title="Named by a relation or a grant, but not in the catalog">
        <span>{entity.title}</span>
      </Tooltip>
    );
  }
  return <EntityRefLink entityRef={entity.ref} title={entity.title} />;
}

function describe(provenance: RelationProvenance): string {
  switch (provenance.kind) {
    case 'observed':
      return `Observed: ${provenance.source}`;
    case 'declared':
      return `Declared in ${provenance.url}`;
    default:
      return `Inferred by ${provenance.rule}: ${provenance.detail}`;
  }
}

/** Observed, declared or inferred, with where or why on hover (and a link for files). */
export function ProvenanceChip(props: { provenance: RelationProvenance }) {
  const { provenance } = props;
  const chip = (
    <Chip
      size="small"
      variant="outlined"
      label={provenance.kind}
      aria-label={describe(provenance)}
    />
  );
  return (
    <Tooltip title={describe(provenance)}>
      {provenance.kind === 'declared' && provenance.url.startsWith('http') ? (
        <Link to={provenance.url}>{chip}</Link>
      ) : (
        chip
      )}
    </Tooltip>
  );
}

/**
 * A ref as a reader names it, without fetching the entity: `ameukam@gmail.com` for
 * `user:default/ameukam--gmail.com`, `k8s-artifacts-prod` for
 * `resource:default/gcp-project--k8s-artifacts-prod`.
 */
export const refTitle = titleFromEntityRef;

/** An evidence chain, one step per line: `from relation to [note]` and its provenance. */
export function EvidenceChain(props: { steps: EvidenceStep[] }) {
  return (
    <ol aria-label="Evidence" style={{ margin: 0, paddingLeft: 20 }}>
      {props.steps.map((step, i) => (
        <li key={i}>
          <Typography variant="body2" component="span">
            {refTitle(step.from)} <em>{step.relation}</em> {refTitle(step.to)}
            {step.note ? ` — ${step.note}` : ''}{' '}
          </Typography>
          <ProvenanceChip provenance={step.provenance} />
        </li>
      ))}
    </ol>
  );
}
