import { init } from 'echarts/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ProbabilityCurveChart from '../src/components/ProbabilityCurveChart.vue'
import { curveOption, FALLBACK_COLORS } from '../src/modules/curveChart'
import { coreCurve } from './fixtures'
import { mountWithApp, unmountAll } from './mount'

// No canvas in jsdom: the chart instance is a recorder.
const chart = {
  setOption: vi.fn(),
  resize: vi.fn(),
  dispose: vi.fn(),
}

vi.mock('echarts/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('echarts/core')>()
  return { ...actual, init: vi.fn(() => chart) }
})

let observed: { callback: ResizeObserverCallback, target: Element | null, disconnected: boolean }[] = []

class FakeResizeObserver {
  record: (typeof observed)[number]
  constructor(callback: ResizeObserverCallback) {
    this.record = { callback, target: null, disconnected: false }
    observed.push(this.record)
  }

  observe(target: Element) {
    this.record.target = target
  }

  unobserve() {}

  disconnect() {
    this.record.disconnected = true
  }
}

beforeEach(() => {
  observed = []
  vi.stubGlobal('ResizeObserver', FakeResizeObserver)
  vi.mocked(init).mockImplementation(() => chart as never)
  chart.setOption.mockClear()
  chart.resize.mockClear()
  chart.dispose.mockClear()
})

afterEach(() => {
  vi.unstubAllGlobals()
  unmountAll()
  document.body.innerHTML = ''
})

const labels = { series: '赢单率', percent: (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`) }

describe('curveOption', () => {
  it('puts the ISO weeks on x and the rates on a 0–100% y axis, leaving a gap for a week without a rate', () => {
    const option = curveOption(coreCurve, labels)
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2026-W42', '2026-W43', '2026-W44'] })
    expect(option.yAxis).toMatchObject({ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } })
    const [series] = option.series as { type: string, name: string, data: (number | null)[], connectNulls: boolean }[]
    expect(series).toMatchObject({ type: 'line', name: '赢单率', connectNulls: false })
    expect(series!.data).toEqual([null, 35, 20])
  })

  it('formats tooltip values as percentages and draws the tooltip on the canvas, not as HTML', () => {
    const option = curveOption(coreCurve, labels, { ...FALLBACK_COLORS, line: '#123456' })
    const tooltip = option.tooltip as { renderMode: string, valueFormatter: (v: unknown) => string }
    expect(tooltip.renderMode).toBe('richText')
    expect(tooltip.valueFormatter(35)).toBe('35.0%')
    expect(tooltip.valueFormatter(null)).toBe('—')
    expect(JSON.stringify(option.series)).toContain('#123456')
  })
})

describe('probabilityCurveChart', () => {
  it('creates the chart on its element, follows its size and disposes of it when unmounted', async () => {
    const { wrapper } = mountWithApp(ProbabilityCurveChart, 'zh-CN', { points: coreCurve })
    const element = wrapper.get('[data-testid="curve-chart"]').element
    expect(init).toHaveBeenCalledWith(element, undefined, { renderer: 'canvas' })
    expect(chart.setOption).toHaveBeenCalledTimes(1)
    const [option] = chart.setOption.mock.calls[0] as [ReturnType<typeof curveOption>]
    expect((option.series as { data: unknown[] }[])[0]!.data).toEqual([null, 35, 20])
    expect(wrapper.get('[data-testid="curve-chart"]').attributes('aria-label')).toBe('每周赢单率的概率曲线图')

    expect(observed).toHaveLength(1)
    expect(observed[0]!.target).toBe(element)
    observed[0]!.callback([], {} as ResizeObserver)
    expect(chart.resize).toHaveBeenCalledTimes(1)

    await wrapper.setProps({ points: coreCurve.slice(1) })
    expect(chart.setOption).toHaveBeenCalledTimes(2)
    const [next] = chart.setOption.mock.calls[1] as [ReturnType<typeof curveOption>]
    expect((next.series as { data: unknown[] }[])[0]!.data).toEqual([35, 20])

    wrapper.unmount()
    expect(chart.dispose).toHaveBeenCalledTimes(1)
    expect(observed[0]!.disconnected).toBe(true)
  })

  it('renames the series when the language changes', async () => {
    const { wrapper, i18n } = mountWithApp(ProbabilityCurveChart, 'zh-CN', { points: coreCurve })
    i18n.global.locale.value = 'en'
    await wrapper.vm.$nextTick()
    const last = chart.setOption.mock.calls.at(-1) as [ReturnType<typeof curveOption>]
    expect((last[0].series as { name: string }[])[0]!.name).toBe('Win rate')
  })
})
