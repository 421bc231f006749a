import type { Deal, Edit, Layout, ScenarioView } from '../src/ipc/client'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  accountMap,
  applyEdit,
  dealCurve,
  dealHealth,
  dealView,
  discardScenario,
  forkScenario,
  listAccounts,
  listCompetitors,
  listDeals,
  listPeople,
  listScenarios,
  personProfile,
  practiceAccounts,
  promoteScenario,
  scenarioMap,
  scenarioView,
  updateScenario,
  workspaceSettings,
} from '../src/ipc/client'
import { useDealStore } from '../src/stores/deal'
import DealWorkspaceView from '../src/views/deal/DealWorkspaceView.vue'
import { mountWithApp, texts, unmountAll } from './mount'
import { curve, scenarioView as fixtureScenario, people, profile, settings, summary, view } from './warroomFixtures'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  const mocked = ['listAccounts', 'listDeals', 'dealHealth', 'listCompetitors', 'dealView', 'workspaceSettings', 'listPeople', 'personProfile', 'dealCurve', 'applyEdit', 'practiceAccounts', 'accountMap', 'listScenarios', 'scenarioView', 'forkScenario', 'updateScenario', 'promoteScenario', 'discardScenario', 'scenarioMap']
  return { ...actual, ...Object.fromEntries(mocked.map(name => [name, vi.fn()])) }
})

vi.mock('../src/components/ProbabilityCurveChart.vue', async () => {
  const { defineComponent, h } = await import('vue')
  return { __esModule: true, default: defineComponent({ props: { points: Array }, setup: () => () => h('div') }) }
})

const layout: Layout = {
  layer: 'decision',
  mode: 'compact',
  account: 'acc-hx',
  account_name: '华信银行',
  deal: 'deal-core',
  deal_name: '核心系统升级',
  as_of: '2026-11-27',
  width: 400,
  height: 300,
  nodes: ['p-gu', 'p-wang', 'p-zheng'].map((person, i) => ({
    person,
    name: people.find(p => p.id === person)!.name,
    title: '<i>title</i>',
    x: 20 + i * 120,
    y: 40 + i * 80,
    width: 100,
    height: 50,
    encoding: { attitude: person === 'p-wang' ? 'negative' : 'unknown', interaction: 'none', on_deal: true, role: null, orientation: 'unknown', influence: 'unknown', inside_source: person === 'p-zheng', leans_to: null, leans_to_name: null },
    circle: null,
    hidden_reports: 0,
  })),
  edges: [{ kind: 'decision', from: 'p-zheng', to: 'p-wang', strength: null, label: '推荐', points: [{ x: 270, y: 210 }, { x: 190, y: 140 }] }],
  groups: [{ id: 'band-approver', name: '批准者', kind: 'role_band', role: 'approver', x: 10, y: 10, width: 380, height: 70, members: 1 }],
  legend: [
    { channel: 'attitude_fill', key: 'neutral', label: '中立', label_en: 'neutral', colour: '#8c959f', stroke_width: 1, dash: null, mark: '' },
    { channel: 'attitude_fill', key: 'negative', label: '负向', label_en: 'negative', colour: '#f47067', stroke_width: 1, dash: null, mark: '' },
  ],
  hidden: 0,
}

let views: Map<string, ScenarioView>

beforeEach(() => {
  views = new Map()
  vi.mocked(listAccounts).mockResolvedValue([])
  vi.mocked(listDeals).mockResolvedValue([summary])
  vi.mocked(dealHealth).mockResolvedValue([])
  vi.mocked(listCompetitors).mockResolvedValue([{ id: 'k-yunqing', name: '云擎科技' }, { id: 'k-shuheng', name: '数衡软件' }])
  vi.mocked(dealView).mockResolvedValue(view)
  vi.mocked(workspaceSettings).mockResolvedValue(settings)
  vi.mocked(listPeople).mockResolvedValue(people)
  vi.mocked(personProfile).mockImplementation(async person => profile(person))
  vi.mocked(dealCurve).mockResolvedValue(curve)
  vi.mocked(practiceAccounts).mockResolvedValue([])
  vi.mocked(accountMap).mockResolvedValue(layout)
  // As the core lays out a scenario: its participants' attitudes and roles on the boxes.
  vi.mocked(scenarioMap).mockImplementation(async (id) => {
    const participants = views.get(id)!.scenario.deal.participants ?? []
    return {
      ...layout,
      nodes: layout.nodes.map((n) => {
        const p = participants.find(q => q.person === n.person)
        return p ? { ...n, encoding: { ...n.encoding, attitude: p.attitude ?? 'unknown', role: p.role ?? null } } : n
      }),
    }
  })
  vi.mocked(listScenarios).mockImplementation(async () => [...views.values()].map(v => ({ id: v.scenario.id, deal: 'deal-core', name: v.scenario.name, created_on: v.scenario.created_on })))
  vi.mocked(scenarioView).mockImplementation(async id => views.get(id)!)
  vi.mocked(forkScenario).mockImplementation(async (_deal, name) => {
    const id = `sc-${views.size + 1}`
    // A fresh fork equals reality.
    const fresh: ScenarioView = { ...fixtureScenario(id, name), scenario: { id, name, created_on: '2026-11-27', deal: view.deal, activities: view.activities }, projected: view.judgement, delta: 0, changes: [] }
    views.set(id, fresh)
    return fresh.scenario
  })
  vi.mocked(updateScenario).mockImplementation(async (id, deal: Deal) => {
    const next = { ...fixtureScenario(id, views.get(id)!.scenario.name), scenario: { ...views.get(id)!.scenario, deal } }
    views.set(id, next)
    return next
  })
  vi.mocked(promoteScenario).mockResolvedValue({ inverse: { op: 'update_deal', deal: view.deal, activities: null } as Edit, created: null })
  vi.mocked(discardScenario).mockResolvedValue(null)
  vi.mocked(applyEdit).mockResolvedValue({ inverse: { op: 'batch', edits: [] }, created: null })
})

afterEach(() => {
  unmountAll()
  document.body.innerHTML = ''
})

async function openScenarios() {
  const mounted = mountWithApp(DealWorkspaceView, 'zh-CN', { id: 'deal-core' })
  await mounted.router.push('/deal/deal-core?tab=scenarios')
  await flushPromises()
  await flushPromises()
  return mounted
}

async function fork(wrapper: Awaited<ReturnType<typeof openScenarios>>['wrapper'], name: string) {
  await wrapper.get('[data-testid="scenario-name"]').setValue(name)
  await wrapper.get('[data-testid="scenario-fork"]').trigger('click')
  await flushPromises()
}

describe('sand-table scenarios', () => {
  it('forks a named scenario and judges each change beside an unchanged reality', async () => {
    const { wrapper } = await openScenarios()
    expect(wrapper.get('[data-testid="scenarios"]').text()).toContain('还没有推演')
    await fork(wrapper, '王建国转为中立')
    expect(forkScenario).toHaveBeenCalledWith('deal-core', '王建国转为中立')
    const editor = wrapper.get('[data-testid="scenario-editor"]')
    expect(editor.get('[data-testid="reality-note"]').text()).toContain('真实商机保持不变')

    await editor.get('[data-testid="participant-row"][data-person="p-wang"] [data-testid="participant-attitude"]').setValue('neutral')
    await flushPromises()
    const [id, sent, activities] = vi.mocked(updateScenario).mock.calls.at(-1)!
    expect(id).toBe('sc-1')
    expect(sent.participants!.find(p => p.person === 'p-wang')!.attitude).toBe('neutral')
    expect(activities).toEqual(view.activities)
    // The scenario never goes through the real deal's edits.
    expect(applyEdit).not.toHaveBeenCalled()

    expect(wrapper.get('[data-testid="scenario-projected"]').attributes('data-rate')).toBe('38.1')
    expect(wrapper.get('[data-testid="scenario-reality"]').attributes('data-rate')).toBe('34.8')
    expect(wrapper.get('[data-testid="workspace-rate"]').text()).toBe('34.8%')
    expect(wrapper.get('[data-testid="scenario-projected"] [data-testid="column-delta"]').text()).toBe('+3.3 个百分点')
    expect(texts(wrapper, 'flag-cleared')).toEqual(['消除：决策者 王建国 对我方态度负面'])
    expect(wrapper.get('[data-testid="column-changes"]').text()).toContain('王建国 的态度：负向 → 中立')
    expect(wrapper.get('[data-testid="column-changes"]').text()).toContain('我方 关系紧密度：7 → 9')
    // The scenario's map, retaken from the core after the change, draws the person with the new attitude.
    expect(vi.mocked(scenarioMap).mock.calls.length).toBeGreaterThanOrEqual(2)
    const node = editor.get('[data-testid="map-node"][data-person="p-wang"]')
    expect(node.attributes('data-attitude')).toBe('neutral')
    expect(node.find('rect:not(.halo)').attributes('fill')).toBe('#8c959f')
    expect(editor.find('[data-testid="decision-map"] i').exists()).toBe(false)
  })

  it('draws the scenario\'s own decision map, people it adds included', async () => {
    const withNewcomer: Layout = {
      ...layout,
      nodes: [...layout.nodes, { ...layout.nodes[0]!, person: 'p-new', name: '新加入者', x: 300, y: 200, encoding: { ...layout.nodes[0]!.encoding, attitude: 'strong_positive', role: 'evaluator' } }],
    }
    vi.mocked(scenarioMap).mockResolvedValue(withNewcomer)
    const { wrapper } = await openScenarios()
    await fork(wrapper, '拉入新评估者')
    expect(scenarioMap).toHaveBeenCalledWith('sc-1')
    const editor = wrapper.get('[data-testid="scenario-editor"]')
    const node = editor.get('[data-testid="map-node"][data-person="p-new"]')
    expect(node.attributes('data-attitude')).toBe('strong_positive')
    expect(node.text()).toContain('新加入者')
    expect(editor.findAll('[data-testid="map-node"]')).toHaveLength(4)
  })

  it('changes the latest assessment\'s scores and inside source in the scenario', async () => {
    const { wrapper } = await openScenarios()
    await fork(wrapper, 'A')
    const editor = wrapper.get('[data-testid="scenario-editor"]')
    await editor.get('[data-testid="score-us-closeness"]').setValue('9.5')
    await flushPromises()
    let sent = vi.mocked(updateScenario).mock.calls.at(-1)![1]
    expect(sent.assessments).toHaveLength(2)
    expect(sent.assessments![1]!.scores!.find(s => s.party === 'us')).toEqual({ party: 'us', fit: 8, closeness: 9.5 })
    await wrapper.get('[data-testid="scenario-editor"] [data-testid="inside-source"]').setValue('')
    await flushPromises()
    sent = vi.mocked(updateScenario).mock.calls.at(-1)![1]
    expect(sent.assessments![1]!.inside_source).toBeNull()
  })

  it('compares two scenarios side by side with reality', async () => {
    const { wrapper } = await openScenarios()
    await fork(wrapper, '甲')
    await fork(wrapper, '乙')
    expect(wrapper.findAll('[data-testid="scenario-item"]')).toHaveLength(2)
    for (const box of wrapper.findAll('[data-testid="scenario-compare"]'))
      await box.setValue(true)
    const comparison = wrapper.get('[data-testid="scenario-comparison"]')
    expect(comparison.findAll('[data-testid="compare-scenario"]').map(c => c.get('h3').text())).toEqual(['甲', '乙'])
    expect(comparison.get('[data-testid="compare-reality"]').attributes('data-rate')).toBe('34.8')
  })

  it('promotes a scenario after asking, reloads reality and can undo it', async () => {
    const { wrapper } = await openScenarios()
    await fork(wrapper, '王建国转为中立')
    const loads = vi.mocked(dealView).mock.calls.length
    await wrapper.get('[data-testid="scenario-promote"]').trigger('click')
    const dialog = document.querySelector('[data-testid="confirm-dialog"]')!
    expect(dialog.textContent).toContain('把推演「王建国转为中立」的 0 处修改写入真实商机')
    expect(promoteScenario).not.toHaveBeenCalled()
    views.clear()
    ;(document.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(promoteScenario).toHaveBeenCalledWith('sc-1')
    expect(vi.mocked(dealView).mock.calls.length).toBeGreaterThan(loads)
    expect(wrapper.findAll('[data-testid="scenario-item"]')).toHaveLength(0)
    expect(useDealStore().undoLabel).toBe('promoteScenario')
  })

  it('discards a scenario without touching reality', async () => {
    const { wrapper } = await openScenarios()
    await fork(wrapper, '放弃我')
    await wrapper.get('[data-testid="scenario-discard"]').trigger('click')
    ;(document.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(discardScenario).toHaveBeenCalledWith('sc-1')
    expect(promoteScenario).not.toHaveBeenCalled()
    expect(applyEdit).not.toHaveBeenCalled()
    expect(wrapper.findAll('[data-testid="scenario-item"]')).toHaveLength(0)
  })
})

describe('quick changes in a scenario', () => {
  it('build on each other while the core is still answering', async () => {
    const { wrapper } = await openScenarios()
    await fork(wrapper, '连续修改')
    let answer!: () => void
    const held = new Promise<void>((resolve) => { answer = resolve })
    const real = vi.mocked(updateScenario).getMockImplementation()!
    vi.mocked(updateScenario).mockImplementationOnce(async (...args) => { await held; return real(...args) })
    const editor = wrapper.get('[data-testid="scenario-editor"]')
    await editor.get('[data-testid="participant-row"][data-person="p-wang"] [data-testid="participant-attitude"]').setValue('neutral')
    await editor.get('[data-testid="participant-row"][data-person="p-gu"] [data-testid="participant-attitude"]').setValue('positive')
    answer()
    await flushPromises()
    const calls = vi.mocked(updateScenario).mock.calls
    const last = calls.at(-1)![1]
    expect(calls).toHaveLength(2)
    expect(last.participants!.find(p => p.person === 'p-wang')!.attitude).toBe('neutral')
    expect(last.participants!.find(p => p.person === 'p-gu')!.attitude).toBe('positive')
  })
})
