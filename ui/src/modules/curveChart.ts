import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { CurvePoint } from '../ipc/client'
/**
 * The probability curve (概率曲线) as an ECharts option: ISO weeks on x, the
 * win rate in percent on y, a gap where no rate was computed. Kept apart
 * from the component so the option can be tested without a canvas.
 *
 * Only the parts the curve uses are registered (line chart, grid, tooltip,
 * canvas renderer), so the bundle carries no other chart type.
 */
import { LineChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([LineChart, GridComponent, TooltipComponent, CanvasRenderer])

export type CurveChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>

/** Colours taken from the page's design tokens, so the chart follows light and dark. */
export interface CurveChartColors {
  line: string
  text: string
  grid: string
  surface: string
  tooltipText: string
}

export interface CurveChartLabels {
  series: string
  percent: (rate: number | null) => string
}

export const FALLBACK_COLORS: CurveChartColors = {
  line: '#5160d8',
  text: '#8a8d97',
  grid: '#efeff2',
  surface: '#ffffff',
  tooltipText: '#1b1c20',
}

/** Reads the colours from CSS custom properties on `element`, falling back to the light theme. */
export function curveColors(element: Element): CurveChartColors {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return {
    line: read('--accent', FALLBACK_COLORS.line),
    text: read('--text-3', FALLBACK_COLORS.text),
    grid: read('--border-subtle', FALLBACK_COLORS.grid),
    surface: read('--surface', FALLBACK_COLORS.surface),
    tooltipText: read('--text', FALLBACK_COLORS.tooltipText),
  }
}

export function curveOption(
  points: readonly CurvePoint[],
  labels: CurveChartLabels,
  colors: CurveChartColors = FALLBACK_COLORS,
): CurveChartOption {
  return {
    animation: false,
    grid: { left: 44, right: 16, top: 14, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      // Drawn on the canvas: no HTML is built from the data.
      renderMode: 'richText',
      backgroundColor: colors.surface,
      borderColor: colors.grid,
      textStyle: { color: colors.tooltipText, fontSize: 12 },
      valueFormatter: value => labels.percent(typeof value === 'number' ? value : null),
    },
    xAxis: {
      type: 'category',
      data: points.map(point => point.week),
      boundaryGap: false,
      axisLine: { lineStyle: { color: colors.grid } },
      axisTick: { show: false },
      axisLabel: { color: colors.text, fontSize: 11, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { color: colors.text, fontSize: 11, formatter: '{value}%' },
      splitLine: { lineStyle: { color: colors.grid } },
    },
    series: [
      {
        type: 'line',
        name: labels.series,
        // `null` stays null: a week without a rate is a gap, not a zero.
        data: points.map(point => point.rate),
        connectNulls: false,
        showSymbol: true,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2, color: colors.line },
        itemStyle: { color: colors.line },
        areaStyle: { color: colors.line, opacity: 0.08 },
      },
    ],
  }
}
