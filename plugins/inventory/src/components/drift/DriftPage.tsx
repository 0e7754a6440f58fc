import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  DriftFinding,
  DriftKind,
  DriftResponse,
} from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../../api';
import { AnswerState } from '../AnswerState';
import { DriftFindingItem, evidenceText } from '../DriftFindingItem';
import { plural, utc } from '../format';
import { DRIFT_KIND_TITLES } from '../inventoryLabels';
import { ReportPage } from '../ReportPage';

/** Whether a finding mentions the text, in any of the fields the page shows. */
function findingMatches(finding: DriftFinding, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [
    finding.message,
    finding.subject,
    ...finding.evidence.map(evidenceText),
    ...finding.entities,
  ].some(field => field.toLowerCase().includes(needle));
}

function KindSection(props: { kind: DriftKind; findings: DriftFinding[] }) {
  const { kind, findings } = props;
  return (
    <section aria-label={kind} style={{ marginTop: 24 }}>
      <Typography variant="h6" component="h3">
        {kind} — {plural(findings.length, 'finding', 'findings')}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {DRIFT_KIND_TITLES[kind]}
      </Typography>
      <ul style={{ paddingLeft: 20 }}>
        {findings.map((finding, i) => (
          <DriftFindingItem key={`${finding.subject}-${i}`} finding={finding} />
        ))}
      </ul>
    </section>
  );
}

function Report(props: { report: DriftResponse }) {
  const { report } = props;
  const [params, setParams] = useSearchParams();
  const chosen = params.getAll('kind') as DriftKind[];
  const text = params.get('q') ?? '';
  // Biggest first: the kinds with the most findings are where a clean-up pays most.
  const kinds = (
    Object.entries(report.counts) as Array<[DriftKind, number]>
  ).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

  const update = (next: { kinds?: DriftKind[]; q?: string }) => {
    const query = new URLSearchParams();
    for (const kind of next.kinds ?? chosen) query.append('kind', kind);
    const q = next.q ?? text;
    if (q) query.set('q', q);
    // Typing replaces the history entry, so Back leaves the page instead of un-typing.
    setParams(query, { replace: next.q !== undefined });
  };
  const toggle = (kind: DriftKind) =>
    update({
      kinds: chosen.includes(kind)
        ? chosen.filter(k => k !== kind)
        : [...chosen, kind],
    });

  if (!report.findings.length) {
    return (
      <EmptyState
        missing="data"
        title="No drift"
        description="Git, the cloud and the catalog agree on everything the inventory checks."
      />
    );
  }
  const shown = report.findings.filter(
    f => (!chosen.length || chosen.includes(f.kind)) && findingMatches(f, text),
  );
  const sections = kinds
    .map(([kind]) => ({
      kind,
      findings: shown.filter(f => f.kind === kind),
    }))
    .filter(section => section.findings.length);

  return (
    <>
      <div
        role="group"
        aria-label="Finding kinds"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
      >
        {kinds.map(([kind, count]) => (
          <Chip
            key={kind}
            label={`${kind}: ${count}`}
            title={DRIFT_KIND_TITLES[kind]}
            color={chosen.includes(kind) ? 'primary' : 'default'}
            variant={chosen.includes(kind) ? 'default' : 'outlined'}
            aria-pressed={chosen.includes(kind)}
            onClick={() => toggle(kind)}
          />
        ))}
        {chosen.length > 0 && (
          <Button size="small" onClick={() => update({ kinds: [] })}>
            All kinds
          </Button>
        )}
      </div>
      <TextField
        id="drift-filter"
        label="Filter findings"
        helperText="Matches the message, subject, entities and evidence"
        value={text}
        onChange={event => update({ q: event.target.value })}
        variant="outlined"
        size="small"
        style={{ marginTop: 16, minWidth: 420 }}
      />
      <Typography variant="body2" role="status" style={{ marginTop: 8 }}>
        {shown.length} of {report.findings.length} findings, computed{' '}
        {utc(report.generatedAt)}.
      </Typography>
      {sections.length ? (
        sections.map(section => (
          <KindSection
            key={section.kind}
            kind={section.kind}
            findings={section.findings}
          />
        ))
      ) : (
        <Typography variant="body1" style={{ marginTop: 24 }}>
          No finding matches the filter.
        </Typography>
      )}
    </>
  );
}

/**
 * Where git, the cloud and the catalog disagree: every drift finding, grouped by kind, with the
 * entity to fix and the evidence. The chosen kinds and the text filter are in the URL
 * (`?kind=missing-secret&q=prow`), so a view can be shared.
 */
export function DriftPage() {
  const inventory = useApi(inventoryApiRef);
  const state = useAsync(() => inventory.drift(), [inventory]);
  return (
    <ReportPage
      title="Drift"
      subtitle="Where git, the cloud and the catalog disagree — and what to fix"
    >
      <Grid item xs={12}>
        <InfoCard title="Findings">
          <AnswerState {...state}>
            {report => <Report report={report} />}
          </AnswerState>
        </InfoCard>
      </Grid>
    </ReportPage>
  );
}
