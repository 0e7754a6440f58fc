import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

type Suggestion = { ref: string; text: string };

/** What a suggestion reads as in the field: the title, and what kind of thing it is. */
const suggestionText = (entity: Entity) => {
  const what = (entity.spec?.type as string | undefined) ?? entity.kind;
  return `${entity.metadata.title ?? entity.metadata.name} (${what})`;
};

/**
 * The focus field: the reader types a name and picks a suggestion; the field shows titles,
 * never entity refs, and hands the chosen entity's ref to `onChoose`. A full ref typed by hand
 * (`resource:default/…`) is taken as it is.
 */
export function FocusField(props: {
  /** The current focus's title, shown in the field. */
  initial: string;
  onChoose: (ref: string) => void;
}) {
  const catalog = useApi(catalogApiRef);
  const [text, setText] = useState(props.initial);
  const [term, setTerm] = useState('');
  useDebounce(
    () => {
      // A picked suggestion reads "title (type)": search for the title.
      const typed = text.replace(/ \([^)]*\)$/, '').trim();
      setTerm(typed === props.initial || text.includes(':') ? '' : typed);
    },
    250,
    [text],
  );
  const suggestions = useAsync(async (): Promise<Suggestion[]> => {
    if (term.length < 2) return [];
    const { items } = await catalog.queryEntities({
      fullTextFilter: { term, fields: ['metadata.name', 'metadata.title'] },
      limit: 20,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.type',
      ],
    });
    // What is called exactly what was typed comes first: "aaa" is the cluster aaa.
    const exact = (e: Entity) =>
      e.metadata.title === term || e.metadata.name === term ? 0 : 1;
    return [...items]
      .sort((a, b) => exact(a) - exact(b))
      .map(e => ({ ref: stringifyEntityRef(e), text: suggestionText(e) }));
  }, [term]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = text.trim();
    // The field still names the current focus: nothing to change.
    if (!typed || typed === props.initial) return;
    const options = suggestions.value ?? [];
    // A picked suggestion, a full ref, or a bare name standing for the best suggestion; a
    // name nothing matches goes as it is, and the page says the inventory does not know it.
    const chosen =
      options.find(s => s.text === typed)?.ref ??
      (typed.includes(':') ? typed : options[0]?.ref ?? typed);
    props.onChoose(chosen);
  };
  return (
    <form onSubmit={submit} style={{ display: 'flex', gap: 8, flexGrow: 1 }}>
      <TextField
        id="inventory-graph-focus"
        label="Focus entity"
        placeholder="a name, e.g. aaa or registry.k8s.io"
        value={text}
        onChange={e => setText(e.target.value)}
        inputProps={{ list: 'inventory-graph-suggestions' }}
        style={{ minWidth: 320, flexGrow: 1 }}
      />
      <datalist id="inventory-graph-suggestions">
        {(suggestions.value ?? []).map(s => (
          <option key={s.ref} value={s.text} />
        ))}
      </datalist>
      <Button type="submit" variant="contained" color="primary">
        Show
      </Button>
    </form>
  );
}
