import { Link } from '@backstage/core-components';
import { OwnershipItem, OwnershipRule } from '@infra-atlas/inventory-common';
import { EntityName, EvidenceChain } from '../Evidence';
import { useOwnershipEvidence } from './OwnershipEvidence';

/** Where an OWNERS or CODEOWNERS rule says it, and what it covers. */
function RuleSummary(props: { rule: OwnershipRule }) {
  const { rule } = props;
  return (
    <>
      {rule.pattern ? ` (paths matching ${rule.pattern})` : ''}
      {rule.except?.length
        ? ` except ${rule.except.map(d => `${d}/`).join(', ')}`
        : ''}
      {' — '}
      <Link to={rule.url}>
        {rule.file} line {rule.line}
      </Link>
      {rule.alias && (
        <>
          {' through '}
          <Link to={rule.alias.definedAt.url}>{rule.alias.name}</Link>
        </>
      )}
    </>
  );
}

/** One thing held, in a line, with its evidence one click away. */
export function OwnershipItemRow(props: { item: OwnershipItem }) {
  const { item } = props;
  const evidence = useOwnershipEvidence();
  return (
    <details>
      <summary>
        <EntityName entity={item.entity} />
        {item.path ? ` — ${item.path}` : ''}
        {item.grant ? ` — ${item.grant}` : ''}
        {item.rule && <RuleSummary rule={item.rule} />}
        {item.role === 'leads' || item.role === 'emeritus'
          ? ` — ${item.steps[item.steps.length - 1]?.note ?? ''}`
          : ''}
      </summary>
      <EvidenceChain steps={evidence(item)} />
    </details>
  );
}
