import { GraphResponse } from '@infra-atlas/inventory-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { EntityName } from '../Evidence';
import { nodeNoun } from './graphLabels';

/**
 * The same graph as a table, for screen readers, keyboards and readers who would rather
 * scan a list: each entity with what it is, how many steps from the focus and its project,
 * nearest first; each name links to the entity's page.
 */
export function GraphNodeTable(props: { answer: GraphResponse }) {
  const { answer } = props;
  const nodes = [...answer.nodes].sort(
    (a, b) => a.distance - b.distance || a.title.localeCompare(b.title),
  );
  return (
    <Table
      size="small"
      aria-label={`Entities around ${answer.focus.title}, nearest first`}
    >
      <TableHead>
        <TableRow>
          <TableCell>Entity</TableCell>
          <TableCell>What</TableCell>
          <TableCell align="right">Steps from the focus</TableCell>
          <TableCell>GCP project</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {nodes.map(node => (
          <TableRow key={node.ref}>
            <TableCell>
              <EntityName entity={node} />
            </TableCell>
            <TableCell>{nodeNoun(node)}</TableCell>
            <TableCell align="right">{node.distance}</TableCell>
            <TableCell>{node.project ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
