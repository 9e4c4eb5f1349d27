import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts every chart of the app uses; a chart registers its own series types (bar, line).
echarts.use([GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * An ECharts chart drawn in the returned box: made when the box mounts, resized with it, disposed
 * with it, and given `option` whenever it changes (memoise it on the data it is built from).
 */
export function useEChart(option: echarts.EChartsCoreOption, theme?: string) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, theme, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [theme]);

  // `theme` too: a new instance (after a theme change) needs the option again
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option, theme]);

  return box;
}
