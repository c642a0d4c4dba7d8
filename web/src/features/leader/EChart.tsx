// ECharts with only the parts the dashboard draws (bars, lines, grid, tooltip, canvas),
// in its own chunk so nobody else downloads it.
import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption } from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface EChartProps {
  option: ChartOption;
  /** Height in rem; the width follows the container. */
  heightRem?: number;
}

/** The picture only: screen readers get the table next to it, so the canvas is hidden from them. */
export default function EChart({ option, heightRem = 20 }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = init(node, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className="chart" style={{ height: `${heightRem}rem` }} aria-hidden="true" />;
}
