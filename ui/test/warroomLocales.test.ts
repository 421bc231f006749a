// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { messages } from '../src/locales'
import { TAS_ELEMENTS } from '../src/modules/dealElements'

interface Messages { [key: string]: string | Messages }

function lookup(tree: Messages, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Messages)[part] : undefined), tree)
}

const srcDir = fileURLToPath(new URL('../src', import.meta.url))
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter(file => /\.(?:vue|ts)$/.test(file))
  .map(file => readFileSync(join(srcDir, file), 'utf8'))

/** Every complete `warroom.*` key written out in the sources (template-built ones end in a dot and are checked below). */
const usedKeys = [...new Set(sources.flatMap(text => [...text.matchAll(/['"`](warroom\.[\w.]+)['"`]/g)].map(m => m[1]!)))]
  .filter(key => !key.endsWith('.') && !key.endsWith('.css'))

describe('war room messages', () => {
  it('exist in both languages for every key the screens use', () => {
    expect(usedKeys.length).toBeGreaterThan(150)
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of usedKeys)
        expect(typeof lookup(messages[locale] as Messages, key), `${locale} ${key}`).toBe('string')
    }
  })

  it('name every element with its question, and every value of the vocabulary', () => {
    const groups: Record<string, string[]> = {
      'attitude': ['strong_positive', 'positive', 'neutral', 'negative', 'strong_negative', 'unknown'],
      'interaction': ['none', 'occasional', 'frequent', 'deep'],
      'relStrategy': ['suppress', 'defend', 'motivate', 'attack', 'balance'],
      'strategy': ['frontal', 'flanking', 'fragmentation', 'defensive', 'development'],
      'strategyWhen': ['frontal', 'flanking', 'fragmentation', 'defensive', 'development'],
      'activityType': ['visit', 'meeting', 'call', 'demo', 'tech_exchange', 'site_visit', 'dinner', 'email', 'other'],
      'activityStatus': ['done', 'planned'],
      'compellingKind': ['budget', 'deadline', 'regulation', 'other'],
      'aspect': ['solution', 'relationship', 'strength'],
      'requestStatus': ['requested', 'approved', 'declined', 'done'],
      'registrationStatus': ['pending', 'approved', 'expired', 'rejected'],
      'salesMode': ['direct', 'channel', 'partner_led'],
      'halves': ['internal', 'external'],
      'changes.fields': ['role', 'attitude', 'relationship_strategy', 'other'],
      'undo.labels': [
        'grade',
        'team',
        'salesMode',
        'addEvent',
        'editEvent',
        'confirmEvent',
        'withdrawEvent',
        'removeEvent',
        'addCompetitor',
        'removeCompetitor',
        'shortlist',
        'addQuote',
        'removeQuote',
        'assessment',
        'role',
        'attitude',
        'relationshipStrategy',
        'addParticipant',
        'removeParticipant',
        'strategy',
        'addTactic',
        'removeTactic',
        'valueProposition',
        'logActivity',
        'planActivity',
        'editActivity',
        'activityDone',
        'removeActivity',
        'coaching',
        'actionDone',
        'actionReopened',
        'promoteScenario',
      ],
    }
    const changeKinds = ['participant_added', 'participant_removed', 'competitor_added', 'competitor_removed', 'activity_added', 'activity_removed', 'activity_changed']
    for (const locale of ['zh-CN', 'en'] as const) {
      const tree = messages[locale] as Messages
      for (const element of TAS_ELEMENTS) {
        expect(typeof lookup(tree, `warroom.elements.${element}.name`), `${locale} ${element}`).toBe('string')
        expect(typeof lookup(tree, `warroom.elements.${element}.question`), `${locale} ${element}`).toBe('string')
      }
      for (const [group, keys] of Object.entries(groups)) {
        for (const key of keys)
          expect(typeof lookup(tree, `warroom.${group}.${key}`), `${locale} ${group}.${key}`).toBe('string')
      }
      for (const kind of changeKinds)
        expect(typeof lookup(tree, `warroom.changes.${kind}`), `${locale} ${kind}`).toBe('string')
    }
  })

  it('use the TAS+ vocabulary in zh-CN', () => {
    const zh = messages['zh-CN'] as Messages
    expect(lookup(zh, 'warroom.elements.compelling_event.name')).toBe('必要条件')
    expect(lookup(zh, 'warroom.elements.relationship_map.name')).toBe('关系图谱')
    expect(lookup(zh, 'warroom.elements.coaching.name')).toBe('督导推进')
    expect(lookup(zh, 'warroom.scenarios.title')).toBe('沙盘推演')
    expect(lookup(zh, 'warroom.questionnaire.insideSource')).toBe('内部消息来源')
    expect(lookup(zh, 'warroom.relStrategy.balance')).toBe('平衡协调')
    expect(lookup(zh, 'warroom.strategy.flanking')).toBe('侧翼')
  })

  it('avoid characters vue-i18n would read as syntax', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const walk = (node: unknown, path: string): void => {
        if (typeof node === 'string') {
          expect(node, `${locale} ${path}`).not.toMatch(/[@|$]/)
        }
        else if (node && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`)
        }
      }
      walk((messages[locale] as Messages).warroom, 'warroom')
    }
  })
})
