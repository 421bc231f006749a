import type { FunnelSeriesOption } from 'echarts/charts'
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { Bucket } from '../ipc/client'
/**
 * The pipeline funnel (tas-plus.md §3.5: "the weighted forecast of a pipeline
 * is Σ amount × win rate") as an ECharts option: one band per stage in the
 * template's order, the open amount as the outer band and the amount
 * weighted by win rate inside it. Kept apart from the component so the
 * option can be tested without a canvas. Only the funnel, tooltip and the
 * canvas renderer are registered.
 */
import { FunnelChart } from 'echarts/charts'
import { LegendComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([FunnelChart, LegendComponent, TooltipComponent, CanvasRenderer])

export type PipelineChartOption = ComposeOption<FunnelSeriesOption | LegendComponentOption | TooltipComponentOption>

export interface PipelineChartLabels {
  amount: string
  weighted: string
  stage: (key: string) => string
  money: (value: number) => string
}

export interface PipelineChartColors {
  outer: string
  inner: string
  text: string
  innerText: string
  surface: string
  border: string
}

export const FALLBACK_PIPELINE_COLORS: PipelineChartColors = {
  outer: '#dfe2fa',
  inner: '#5160d8',
  text: '#1b1c20',
  innerText: '#ffffff',
  surface: '#ffffff',
  border: '#e4e4e8',
}

export function pipelineColors(element: Element): PipelineChartColors {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return {
    ...FALLBACK_PIPELINE_COLORS,
    inner: read('--accent', FALLBACK_PIPELINE_COLORS.inner),
    text: read('--text', FALLBACK_PIPELINE_COLORS.text),
    surface: read('--surface', FALLBACK_PIPELINE_COLORS.surface),
    border: read('--border', FALLBACK_PIPELINE_COLORS.border),
  }
}

/** Narrowest inner band (share of the funnel's width) that gets its figure written inside. */
export const INNER_LABEL_MIN = 0.18

interface FunnelDatum {
  name: string
  /** Band width: the stage's place in the funnel (outer) or its weighted share of it (inner). */
  value: number
  amount: number
  weighted: number
}

/**
 * The outer bands narrow stage by stage, as a funnel does; the amounts are
 * in the labels and the tooltip. The inner band fills its stage's band in
 * proportion of weighted to amount, so how much of each stage the win rates
 * carry reads at a glance.
 */
export function funnelData(byStage: readonly Bucket[], stage: (key: string) => string): { outer: FunnelDatum[], inner: FunnelDatum[] } {
  const n = byStage.length
  const rows = byStage.map((b, i) => {
    const amount = b.amount ?? 0
    const weighted = b.weighted ?? 0
    const width = n - i
    return { name: stage(b.key), amount, weighted, width, share: amount > 0 ? Math.min(1, weighted / amount) : 0 }
  })
  return {
    outer: rows.map(r => ({ name: r.name, value: r.width, amount: r.amount, weighted: r.weighted })),
    inner: rows.map(r => ({ name: r.name, value: r.width * r.share, amount: r.amount, weighted: r.weighted })),
  }
}

export function pipelineOption(
  byStage: readonly Bucket[],
  labels: PipelineChartLabels,
  colors: PipelineChartColors = FALLBACK_PIPELINE_COLORS,
): PipelineChartOption {
  const { outer, inner } = funnelData(byStage, labels.stage)
  const datum = (params: unknown) => (params as { data?: FunnelDatum }).data
  const common = {
    type: 'funnel' as const,
    left: '8%',
    width: '62%',
    top: 36,
    bottom: 8,
    min: 0,
    max: Math.max(1, byStage.length),
    // The template's order: a stage is where it is in the process.
    sort: 'none' as const,
    gap: 3,
    minSize: '0%',
    maxSize: '100%',
    funnelAlign: 'center' as const,
  }
  return {
    animation: false,
    legend: {
      top: 4,
      data: [labels.amount, labels.weighted],
      textStyle: { color: colors.text, fontSize: 12 },
      itemWidth: 14,
      itemHeight: 10,
    },
    tooltip: {
      trigger: 'item',
      // Drawn on the canvas: no HTML is built from the data.
      renderMode: 'richText',
      backgroundColor: colors.surface,
      borderColor: colors.border,
      textStyle: { color: colors.text, fontSize: 12 },
      formatter: (params: unknown) => {
        const d = datum(params)
        return d ? `${d.name}\n${labels.amount}: ${labels.money(d.amount)}\n${labels.weighted}: ${labels.money(d.weighted)}` : ''
      },
    },
    series: [
      {
        ...common,
        name: labels.amount,
        data: outer,
        itemStyle: { color: colors.outer, borderColor: colors.surface, borderWidth: 1 },
        label: {
          position: 'right',
          color: colors.text,
          fontSize: 12,
          formatter: params => `${params.name}  ${labels.money(datum(params)?.amount ?? 0)}`,
        },
        labelLine: { show: true, length: 12 },
        emphasis: { label: { fontWeight: 'bold' } },
        z: 1,
      },
      {
        ...common,
        name: labels.weighted,
        data: inner,
        itemStyle: { color: colors.inner, opacity: 0.9 },
        label: {
          position: 'inside',
          color: colors.innerText,
          fontSize: 11,
          // Only where the band is wide enough to hold the figure; the table has them all.
          formatter: (params) => {
            const d = datum(params)
            return d && d.weighted > 0 && d.value / common.max >= INNER_LABEL_MIN ? labels.money(d.weighted) : ''
          },
        },
        z: 2,
      },
    ],
  }
}
