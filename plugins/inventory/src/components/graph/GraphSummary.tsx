import { GraphResponse } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { EntityName } from '../Evidence';
import { DrawnGraph } from './graphElements';

/** Says plainly where the walk stopped and what it left out. */
export function CutOff(props: { answer: GraphResponse }) {
  const { cutOff, depth, maxNodes } = props.answer;
  let message: string | undefined;
  if (cutOff.nodeLimitReached) {
    message = `Stopped at the node limit of ${maxNodes}: ${cutOff.frontier} more relations lead to entities not drawn. Raise the limit or narrow the relations and kinds.`;
  } else if (cutOff.depthReached) {
    message = `Stopped at depth ${depth}: ${cutOff.frontier} more relations lead further out.`;
  }
  if (!message) return null;
  return (
    <Typography
      role="status"
      variant="body2"
      style={{ background: '#fff4e5', padding: '6px 12px', borderRadius: 4 }}
    >
      {message}
    </Typography>
  );
}

/** What the picture holds: how many entities and relations around which focus. */
export function GraphSummary(props: {
  answer: GraphResponse;
  drawn: DrawnGraph;
}) {
  const { answer, drawn } = props;
  const clusters = drawn.nodes.filter(n => n.cluster).length;
  return (
    <Typography variant="body2" style={{ margin: '8px 0' }}>
      {answer.nodes.length} entities and {answer.edges.length} relations around{' '}
      <EntityName entity={answer.focus} />
      {clusters > 0 &&
        ` — ${clusters} clusters by ${drawn.clustering}; activate one to open it`}
      .
    </Typography>
  );
}
