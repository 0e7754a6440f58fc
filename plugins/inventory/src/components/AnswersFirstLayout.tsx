import { makeStyles } from '@material-ui/core/styles';
import type { EntityContentLayoutProps } from '@backstage/plugin-catalog-react/alpha';
import { Fragment } from 'react';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexFlow: 'column nowrap',
    gap: theme.spacing(3),
  },
  column: {
    display: 'flex',
    flexFlow: 'column nowrap',
    gap: theme.spacing(3),
    alignItems: 'stretch',
    minWidth: 0,
  },
  single: {},
  [theme.breakpoints.up('md')]: {
    root: {
      display: 'grid',
      gridTemplateColumns: '2fr 1fr',
      alignItems: 'start',
    },
    // Without info cards the answers take the whole width.
    single: { gridTemplateColumns: '1fr' },
  },
}));

/**
 * An entity's overview: the cards in the order the app lists them (the inventory's answers
 * first, see app-config.yaml), in a wide column, and the facts about the entity (About,
 * links, labels: `info` cards) beside them. On a narrow screen the answers come first.
 *
 * It replaces the catalog's default layout to leave out the banners that layout puts above
 * everything: "Entities not found are: …", orphan and processing-error notices. They speak
 * to whoever maintains catalog files; the inventory's entities come from crawls, whose
 * problems the Drift page reports in words a reader can act on.
 */
export function AnswersFirstLayout(props: EntityContentLayoutProps) {
  const classes = useStyles();
  const info = props.cards.filter(card => card.type === 'info');
  const answers = props.cards.filter(card => card.type !== 'info');
  const list = (cards: EntityContentLayoutProps['cards'], testId: string) => (
    <div className={classes.column} data-testid={testId}>
      {cards.map((card, index) => (
        <Fragment key={card.element.key ?? index}>{card.element}</Fragment>
      ))}
    </div>
  );
  return (
    <div
      className={
        info.length ? classes.root : `${classes.root} ${classes.single}`
      }
    >
      {answers.length > 0 && list(answers, 'entity-answers')}
      {info.length > 0 && list(info, 'entity-facts')}
    </div>
  );
}
