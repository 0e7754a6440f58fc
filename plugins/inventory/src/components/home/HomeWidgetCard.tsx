import { InfoCard } from '@backstage/core-components';
import { RendererProps } from '@backstage/plugin-home-react';

/**
 * A start-page widget's card with its title as a real heading. The home plugin's default card
 * renders the title as a styled span, so a screen reader's list of headings skips every card;
 * widgets pass this as `componentProps.Renderer`.
 */
export function HomeWidgetCard(props: RendererProps) {
  const { title, Content } = props;
  return (
    <InfoCard
      title={title}
      divider={!!title}
      titleTypographyProps={{ component: 'h2' }}
    >
      <Content />
    </InfoCard>
  );
}
