import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { DriftEvidence, DriftFinding } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { Fragment, ReactNode } from 'react';
import { DRIFT_KIND_TITLES } from './inventoryLabels';
import { gitFile } from './links';

/** How a piece of evidence reads: a file as `repo/path:line`, a resource by its name. */
export function evidenceText(evidence: DriftEvidence): string {
  if (evidence.kind === 'observed') return evidence.source;
  const file = gitFile(evidence.url.replace(/#L\d+$/, ''));
  if (!file) return evidence.url;
  const name = `${file.repo}/${file.path}`;
  return evidence.line ? `${name}:${evidence.line}` : name;
}

/**
 * One piece of evidence as a link: a file in git opens at its line; a GCP resource is named
 * in full, with its console page as the link when there is one.
 */
function EvidenceLink(props: { evidence: DriftEvidence }) {
  const { evidence } = props;
  const url = evidence.url;
  const text = <code>{evidenceText(evidence)}</code>;
  if (!url?.startsWith('http')) return text;
  return (
    <Link
      to={url}
      title={evidence.kind === 'observed' ? 'Open in the console' : url}
    >
      {text}
    </Link>
  );
}

/** Entity refs are case-insensitive: the catalog lowercases them, the findings may not. */
const sameRef = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * One drift finding, for the drift report and the entity cards: its message, its subject
 * when no entity is it, the entities it names and its evidence. On an entity's card (`self`)
 * that entity is left out and the others are where to look next; on the report, the first
 * entity is the one to fix. `showKind` names the kind where no heading does.
 */
export function DriftFindingItem(props: {
  finding: DriftFinding;
  self?: string;
  showKind?: boolean;
}) {
  const { finding, self, showKind } = props;
  const named = self
    ? finding.entities.filter(ref => !sameRef(ref, self))
    : finding.entities;
  const parts: Array<[string, ReactNode]> = [];
  // The subject is often an entity the finding names; then the link says it.
  if (!finding.entities.some(ref => sameRef(ref, finding.subject))) {
    parts.push([
      'subject',
      <>
        Subject: <code>{finding.subject}</code>
      </>,
    ]);
  }
  if (named.length > 0) {
    parts.push([
      'entities',
      <>
        {self ? 'Also concerns ' : 'Fix in '}
        {named.map((ref, i) => (
          <span key={ref}>
            {i > 0 && (self ? ', ' : ', also ')}
            <EntityRefLink entityRef={ref} />
          </span>
        ))}
      </>,
    ]);
  }
  if (finding.evidence.length > 0) {
    parts.push([
      'evidence',
      <>
        {'evidence: '}
        {finding.evidence.map((evidence, i) => (
          <Fragment key={i}>
            {i > 0 && ', '}
            <EvidenceLink evidence={evidence} />
          </Fragment>
        ))}
      </>,
    ]);
  }
  return (
    <li style={{ marginBottom: 12 }}>
      {showKind && (
        <Typography variant="subtitle2">
          {DRIFT_KIND_TITLES[finding.kind] ?? finding.kind}{' '}
          <Typography variant="caption" component="code" color="textSecondary">
            {finding.kind}
          </Typography>
        </Typography>
      )}
      <Typography variant="body2">{finding.message}</Typography>
      {parts.length > 0 && (
        <Typography variant="body2" color="textSecondary" component="div">
          {parts.map(([key, part], i) => (
            <Fragment key={key}>
              {i > 0 && ' — '}
              <span>{part}</span>
            </Fragment>
          ))}
        </Typography>
      )}
    </li>
  );
}
