// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { layoutElements } from '../src/modules/mapElements'
import { cytoscapeFrozenPrototype, patchCytoscapeExtend } from '../vite.config'
import { look, reportingLayout } from './mapFixtures'

const modules = fileURLToPath(new URL('../node_modules/', import.meta.url))
const esmPath = join(modules, 'cytoscape/dist/cytoscape.esm.mjs')
const work = mkdtempSync(join(tmpdir(), 'sandtable-cytoscape-'))

afterAll(() => rmSync(work, { recursive: true, force: true }))

/**
 * Loads Cytoscape and edgehandles in a fresh Node process with
 * Object.prototype frozen, as Tauri's `freezePrototype` does in the window,
 * and builds a headless map of a small layout. `patched` applies the build's
 * patch as the module loads.
 */
function mapWithFrozenPrototype(patched: boolean) {
  const hooks = join(work, `hooks-${patched}.mjs`)
  writeFileSync(hooks, `
    export async function load(url, context, nextLoad) {
      const result = await nextLoad(url, context)
      if (${patched} && url.endsWith('/cytoscape/dist/cytoscape.esm.mjs'))
        return { ...result, source: ${JSON.stringify(patchCytoscapeExtend(readFileSync(esmPath, 'utf8')))} }
      return result
    }
  `)
  const elements = layoutElements(reportingLayout(), look(), 'zh-CN', { members: n => `${n}`, outside: 'outside', role: r => r })
  const main = join(work, `main-${patched}.mjs`)
  const from = (path: string) => JSON.stringify(pathToFileURL(join(modules, path)).href)
  writeFileSync(main, `
    import { register } from 'node:module'
    register(${JSON.stringify(pathToFileURL(hooks).href)})
    Object.freeze(Object.prototype)
    const { default: cytoscape } = await import(${from('cytoscape/dist/cytoscape.esm.mjs')})
    const { default: edgehandles } = await import(${from('cytoscape-edgehandles/cytoscape-edgehandles.js')})
    cytoscape.use(edgehandles)
    const cy = cytoscape({ headless: true, layout: { name: 'preset' }, elements: ${JSON.stringify(elements)}, style: [{ selector: 'node.person', style: { width: 'data(w)', label: 'data(label)' } }] })
    const ok = cy.nodes('.person').length === 3 && cy.$id('n:p1').position().x === 230 && cy.edges('.edge').length === 3
    console.log(ok ? 'mapped' : 'wrong')
  `)
  return spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 30_000 })
}

describe('cytoscape under a frozen Object.prototype (Tauri freezePrototype)', () => {
  it('fails to load without the patch', () => {
    const run = mapWithFrozenPrototype(false)
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('Cannot assign to read only property \'toString\'')
  })

  it('loads and holds the map with the patch', () => {
    const run = mapWithFrozenPrototype(true)
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('mapped')
  })

  it('is applied by the build plugin to the ESM build only', () => {
    const plugin = cytoscapeFrozenPrototype()
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null
    expect(transform.call({} as never, readFileSync(esmPath, 'utf8'), esmPath)?.code).toContain('Object.defineProperty(tgt, keys[j]')
    expect(transform.call({} as never, 'var x = 1', join(modules, 'cytoscape/dist/cytoscape.cjs.js'))).toBeNull()
  })

  it('refuses a Cytoscape whose extend changed, so the patch gets reviewed', () => {
    expect(() => patchCytoscapeExtend('var extend = Object.assign;')).toThrow(/review the frozen-prototype patch/)
  })
})
