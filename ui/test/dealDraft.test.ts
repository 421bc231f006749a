import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useDraft } from '../src/modules/dealDraft'

describe('a deal section\'s typed text', () => {
  it('survives another section\'s save (the deal fetched again)', async () => {
    const deal = shallowRef({ value: '旧的价值主张', amount: 1 })
    const scope = effectScope()
    const draft = scope.run(() => useDraft(() => ({ value: deal.value.value })))!
    draft.draft.value.value = '新打的字'
    deal.value = { value: '旧的价值主张', amount: 2 }
    await nextTick()
    expect(draft.draft.value.value).toBe('新打的字')
    expect(draft.dirty.value).toBe(true)
    // An untouched draft still follows what the core sends.
    draft.reset()
    deal.value = { value: '撤销后的内容', amount: 2 }
    await nextTick()
    expect(draft.draft.value.value).toBe('撤销后的内容')
    scope.stop()
  })
})
