import { Descriptions, Grid, type DescriptionsProps } from 'antd';

/**
 * The data pages' bordered facts: two columns with labels beside their values on a wide screen;
 * on a phone one column, each label above its value (beside it, a 6-character label breaks into
 * three lines).
 */
export function ResponsiveDescriptions(props: Omit<DescriptionsProps, 'bordered' | 'size' | 'layout' | 'column' | 'styles'>) {
  const wide = Grid.useBreakpoint().md !== false;
  return <Descriptions bordered size="small" layout={wide ? 'horizontal' : 'vertical'} column={wide ? 2 : 1} styles={{ label: wide ? { whiteSpace: 'nowrap' } : {} }} {...props} />;
}
