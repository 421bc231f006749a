// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { curveOption } from '../src/modules/curveChart'
import { echartsFrozenPrototype, patchEchartsScheduler } from '../vite.config'
import { coreCurve } from './fixtures'

const modules = fileURLToPath(new URL('../node_modules/', import.meta.url))
const schedulerPath = join(modules, 'echarts/lib/core/Scheduler.js')
const work = mkdtempSync(join(tmpdir(), 'sandtable-echarts-'))

afterAll(() => rmSync(work, { recursive: true, force: true }))

/**
 * Loads the curve's ECharts parts in a fresh Node process with
 * Object.prototype frozen, as Tauri's `freezePrototype` does in the window,
 * and renders the curve (SVG, server-side: no canvas in Node). `patched`
 * applies the build's patch to Scheduler.js as it loads.
 */
function renderWithFrozenPrototype(patched: boolean) {
  const hooks = join(work, `hooks-${patched}.mjs`)
  writeFileSync(hooks, `
    export async function load(url, context, nextLoad) {
      const result = await nextLoad(url, context)
      if (${patched} && url.endsWith('/echarts/lib/core/Scheduler.js'))
        return { ...result, source: ${JSON.stringify(patchEchartsScheduler(readFileSync(schedulerPath, 'utf8')))} }
      return result
    }
  `)
  const option = curveOption(coreCurve, { series: '赢单率', percent: rate => `${rate}%` })
  const main = join(work, `main-${patched}.mjs`)
  const from = (path: string) => JSON.stringify(pathToFileURL(join(modules, path)).href)
  writeFileSync(main, `
    import { register } from 'node:module'
    register(${JSON.stringify(pathToFileURL(hooks).href)})
    Object.freeze(Object.prototype)
    const { init, use } = await import(${from('echarts/core.js')})
    const { LineChart } = await import(${from('echarts/charts.js')})
    const { GridComponent, TooltipComponent } = await import(${from('echarts/components.js')})
    const { SVGRenderer } = await import(${from('echarts/renderers.js')})
    use([LineChart, GridComponent, TooltipComponent, SVGRenderer])
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 420, height: 190 })
    chart.setOption(${JSON.stringify(option)})
    const svg = chart.renderToSVGString()
    chart.dispose()
    console.log(svg.includes('2026-W44') ? 'rendered' : 'empty')
  `)
  return spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 30_000 })
}

describe('eCharts under a frozen Object.prototype (Tauri freezePrototype)', () => {
  it('fails to load without the patch', () => {
    const run = renderWithFrozenPrototype(false)
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('Cannot assign to read only property \'constructor\'')
  })

  it('loads and draws the curve with the patch', () => {
    const run = renderWithFrozenPrototype(true)
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('rendered')
  })

  it('is applied by the build plugin to Scheduler.js only', () => {
    const plugin = echartsFrozenPrototype()
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null
    const source = readFileSync(schedulerPath, 'utf8')
    expect(transform.call({} as never, source, schedulerPath)?.code).toContain('Object.defineProperty(target, name_1')
    expect(transform.call({} as never, 'target[name_1] = noop;', join(modules, 'echarts/lib/core/echarts.js'))).toBeNull()
  })

  it('refuses an ECharts whose scheduler changed, so the patch gets reviewed', () => {
    expect(() => patchEchartsScheduler('for (var k in C.prototype) target[k] = noop;')).toThrow(/review the frozen-prototype patch/)
  })
})
