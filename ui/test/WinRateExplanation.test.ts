import type { Reason, WinRate } from '../src/ipc/client'
import type { AppLocale } from '../src/modules/i18n'
import { afterEach, describe, expect, it } from 'vitest'
import WinRateExplanation from '../src/components/WinRateExplanation.vue'
import { health } from './fixtures'
import { mountWithApp, texts } from './mount'

afterEach(() => {
  document.body.innerHTML = ''
})

function winRateOf(deal: string): WinRate {
  const found = health.find(h => h.deal === deal)
  if (!found)
    throw new Error(`no fixture for ${deal}`)
  return found.win_rate
}

function explain(winRate: WinRate, locale: AppLocale) {
  const { wrapper } = mountWithApp(WinRateExplanation, locale, { winRate })
  const party = (id: string) => {
    const row = wrapper.get(`[data-testid="explain-party"][data-party="${id}"]`)
    return [
      row.get('[data-testid="explain-party-name"]').text(),
      row.get('[data-testid="explain-party-strength"]').text(),
      row.get('[data-testid="explain-party-note"]').text(),
    ]
  }
  return { wrapper, party, rules: () => texts(wrapper, 'explain-rule') }
}

// Every reason the core can send, with its zh-CN and English wording: adding a
// Reason to the core fails the type check here until both are written.
const REASON_TEXT: Record<Reason, [string, string]> = {
  no_compelling_event: ['无已确认的必要条件，不计算赢单率', 'No confirmed compelling event: no win rate is computed'],
  no_assessment: ['尚无问卷评估', 'No questionnaire assessment yet'],
  no_competitor_recorded: [
    '未记录竞争对手，按一个与我方相当的未知对手计（50% 硬币）',
    'No competitor recorded: one unknown competitor equal to us is assumed (the 50% coin flip)',
  ],
  unscored_competitors: ['有未评分的竞争对手，按与我方相当计', 'Some competitors are not scored: each is counted as equal to us'],
  no_inside_source: ['无内部消息来源，×0.7（至少打七折）', 'No inside source: ×0.7 (at least 30% off)'],
  not_in_top_three: [
    '未进入前三（超过两家已评分的对手实力强于我方），赢单率为 0',
    'Not in the top three (more than two scored competitors are stronger than us): win rate 0',
  ],
  not_shortlisted: ['未进入前三（已标记未入围），赢单率为 0', 'Not in the top three (marked not shortlisted): win rate 0'],
}

describe('winRateExplanation', () => {
  it('explains a rate cut by rule 2 in Chinese: formula, strengths, raw share, rule, date, version', () => {
    const { wrapper, party, rules } = explain(winRateOf('deal-core'), 'zh-CN')
    expect(wrapper.get('[data-testid="explain-rate"]').text()).toBe('20.0%')
    expect(wrapper.get('[data-testid="explain-formula"]').text()).toBe('S = w_fit·需求满足度 + w_rel·关系紧密度')
    expect(wrapper.text()).toContain('竞争对手对比法')
    expect(texts(wrapper, 'explain-party-name')).toEqual(['我方', 'k-yunqing', 'k-shuheng', 'k-beichen'])
    expect(party('us')).toEqual(['我方', '5', ''])
    expect(party('k-yunqing')).toEqual(['k-yunqing', '6.5', '计入'])
    expect(party('k-shuheng')).toEqual(['k-shuheng', '6', '计入'])
    expect(party('k-beichen')).toEqual(['k-beichen', '4.5', '未计入（非最强两家）'])
    expect(wrapper.get('[data-testid="explain-raw"]').text())
      .toBe('S_us / (S_us + S_c1 + S_c2) = 5 / (5 + 6.5 + 6) = 28.6%')
    expect(rules()).toEqual(['无内部消息来源，×0.7（至少打七折）'])
    expect(wrapper.get('[data-testid="explain-assessment"]').text()).toBe('所用问卷评估：2026年10月20日')
    expect(wrapper.get('[data-testid="explain-version"]').text()).toBe('公式版本 1')
  })

  it('explains the same rate in English', () => {
    const { wrapper, party, rules } = explain(winRateOf('deal-core'), 'en')
    expect(wrapper.get('[data-testid="explain-rate"]').text()).toBe('20.0%')
    expect(wrapper.get('[data-testid="explain-formula"]').text()).toBe('S = w_fit·need fit + w_rel·relationship closeness')
    expect(party('us')).toEqual(['Us', '5', ''])
    expect(party('k-beichen')).toEqual(['k-beichen', '4.5', 'Not counted (not among the two strongest)'])
    expect(wrapper.get('[data-testid="explain-raw-working"]').text()).toBe('5 / (5 + 6.5 + 6)')
    expect(rules()).toEqual(['No inside source: ×0.7 (at least 30% off)'])
    expect(wrapper.get('[data-testid="explain-assessment"]').text()).toBe('Assessment used: Oct 20, 2026')
    expect(wrapper.get('[data-testid="explain-version"]').text()).toBe('Formula version 1')
  })

  it('shows "—" when no rate is computed, still with the raw share and every rule in order', () => {
    const zh = explain(winRateOf('deal-crm'), 'zh-CN')
    expect(zh.wrapper.get('[data-testid="explain-rate"]').text()).toBe('—')
    expect(zh.wrapper.text()).toContain('未计算')
    expect(zh.party('k-zhilian')).toEqual(['k-zhilian', '6', '未评分，按与我方相当计'])
    expect(zh.wrapper.get('[data-testid="explain-raw-working"]').text()).toBe('6 / (6 + 6)')
    expect(zh.rules()).toEqual(['无已确认的必要条件，不计算赢单率', '有未评分的竞争对手，按与我方相当计'])
    zh.wrapper.unmount()

    const en = explain(winRateOf('deal-crm'), 'en')
    expect(en.wrapper.text()).toContain('Not computed')
    expect(en.party('k-zhilian')[2]).toBe('Not scored: counted as equal to us')
    expect(en.rules()).toEqual([
      'No confirmed compelling event: no win rate is computed',
      'Some competitors are not scored: each is counted as equal to us',
    ])
  })

  it('names the assumed unknown competitor of the coin flip', () => {
    const zh = explain(winRateOf('deal-nm'), 'zh-CN')
    expect(zh.party('unknown')).toEqual(['未知对手', '7', '未评分，按与我方相当计'])
    expect(zh.wrapper.get('[data-testid="explain-raw"]').text()).toContain('= 7 / (7 + 7) = 50.0%')
    expect(zh.rules()).toEqual(['未记录竞争对手，按一个与我方相当的未知对手计（50% 硬币）'])
    zh.wrapper.unmount()

    const en = explain(winRateOf('deal-nm'), 'en')
    expect(en.party('unknown')[0]).toBe('Unknown competitor')
  })

  it('shows a competitor whose id is "unknown" by its id when it is not the assumed one', () => {
    const wr: WinRate = { ...winRateOf('deal-nm'), reasons: [] }
    const { party } = explain(wr, 'zh-CN')
    expect(party('unknown')[0]).toBe('unknown')
  })

  it('without an assessment, shows no strengths or raw share but every rule', () => {
    const { wrapper, rules } = explain(winRateOf('deal-evil'), 'zh-CN')
    expect(wrapper.find('[data-testid="explain-party"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="explain-raw"]').exists()).toBe(false)
    expect(rules()).toEqual(['无已确认的必要条件，不计算赢单率', '尚无问卷评估', '未进入前三（已标记未入围），赢单率为 0'])
    expect(wrapper.get('[data-testid="explain-assessment"]').text()).toBe('尚无问卷评估')
  })

  it('says so when no rule applied', () => {
    const wr: WinRate = { ...winRateOf('deal-core'), rate: 28.6, reasons: [] }
    const zh = explain(wr, 'zh-CN')
    expect(zh.wrapper.find('[data-testid="explain-rule"]').exists()).toBe(false)
    expect(zh.wrapper.get('[data-testid="explain-no-rules"]').text()).toBe('未触发任何规则，赢单率即原始赢单率')
    zh.wrapper.unmount()
    expect(explain(wr, 'en').wrapper.get('[data-testid="explain-no-rules"]').text())
      .toBe('No rule applied: the win rate is the raw rate')
  })

  it.each(Object.entries(REASON_TEXT))('words the reason %s in both languages', (reason, [zhText, enText]) => {
    const wr: WinRate = { ...winRateOf('deal-core'), reasons: [reason as Reason] }
    const zh = explain(wr, 'zh-CN')
    expect(zh.rules()).toEqual([zhText])
    expect(zh.wrapper.get('[data-testid="explain-rule"]').attributes('data-reason')).toBe(reason)
    zh.wrapper.unmount()
    expect(explain(wr, 'en').rules()).toEqual([enText])
  })

  it('renders markup in competitor ids as text', () => {
    const wr: WinRate = {
      ...winRateOf('deal-core'),
      strengths: { 'us': 5, '<img src=x onerror=alert(1)>': 6 },
      top_two: ['<img src=x onerror=alert(1)>'],
    }
    const { wrapper, party } = explain(wr, 'zh-CN')
    expect(party('<img src=x onerror=alert(1)>')[0]).toBe('<img src=x onerror=alert(1)>')
    expect(wrapper.find('img').exists()).toBe(false)
  })
})
