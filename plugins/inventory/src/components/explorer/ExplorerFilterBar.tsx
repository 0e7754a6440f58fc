import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { typeNoun } from '@infra-atlas/inventory-common';
import { refTitle } from '../Evidence';
import { ExplorerFilters, isFiltered } from './explorerTree';
import { FilterOptions } from './filterOptions';
import { FilterSelect } from './FilterSelect';

/*
 * The controls share the row and wrap: on a 768 px screen the search takes a line and the
 * drop-downs two a line, none wider than the window.
 */
const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'center',
  },
  search: { flex: '2 1 16rem', minWidth: 0 },
  select: { flex: '1 1 11rem', minWidth: 0, maxWidth: '22rem' },
}));

/** The drop-downs, in order: the filter each sets, its label, how it shows a value. */
const SELECTS: Array<{
  name: SelectFilter;
  label: string;
  show?: (value: string) => string;
}> = [
  // A type in words (bucket, Kubernetes namespace); the URL keeps the type's slug.
  { name: 'type', label: 'Type', show: type => typeNoun(type, 1) },
  { name: 'owner', label: 'Owner', show: refTitle },
  { name: 'label', label: 'Label' },
  { name: 'setting', label: 'Configuration' },
];

type SelectFilter = 'type' | 'owner' | 'label' | 'setting';

/** The explorer's search, drop-downs and switches; each change goes to the URL. */
export function ExplorerFilterBar(props: {
  filters: ExplorerFilters;
  options: Record<SelectFilter, FilterOptions>;
  onChange: (name: keyof ExplorerFilters, value: string) => void;
  onClear: () => void;
}) {
  const { filters, options, onChange, onClear } = props;
  const classes = useStyles();
  const flag = (name: 'public' | 'stale', label: string) => (
    <FormControlLabel
      control={
        <Checkbox
          checked={filters[name]}
          onChange={e => onChange(name, e.target.checked ? '1' : '')}
        />
      }
      label={label}
    />
  );
  return (
    <div role="search" className={classes.bar}>
      <TextField
        id="explorer-search"
        label="Search by name or label"
        value={filters.q}
        onChange={event => onChange('q', event.target.value)}
        variant="outlined"
        size="small"
        className={classes.search}
      />
      {SELECTS.map(({ name, label, show }) => (
        <FilterSelect
          key={name}
          id={`explorer-${name}`}
          label={label}
          value={filters[name]}
          options={options[name]}
          show={show}
          onChange={v => onChange(name, v)}
          className={classes.select}
        />
      ))}
      {flag('public', 'Public only')}
      {flag('stale', 'Stale only')}
      {isFiltered(filters) && <Button onClick={onClear}>Clear filters</Button>}
    </div>
  );
}
