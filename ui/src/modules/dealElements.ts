/**
 * The 13 elements of TAS+ (tas-plus.md §1) in the method's order: the four
 * internal, static ones (对内/静) and the nine external, dynamic ones
 * (对外/动). The deal workspace has one section per element, presenter mode
 * steps through them, and coaching sessions name the ones they reviewed by
 * these keys (`compelling_event`, `win_rate`, …). Names and questions are
 * in the locale files under `warroom.elements.<key>`.
 */

export type ElementHalf = 'internal' | 'external'

export const TAS_ELEMENTS = [
  'stages',
  'grading',
  'collaboration',
  'sales_process',
  'compelling_event',
  'competitors',
  'questionnaire',
  'relationship_map',
  'win_rate',
  'strategy',
  'value_proposition',
  'activities',
  'coaching',
] as const

export type ElementKey = (typeof TAS_ELEMENTS)[number]

export interface TasElement {
  key: ElementKey
  /** 1–13, as the method numbers them. */
  number: number
  half: ElementHalf
}

export const ELEMENTS: readonly TasElement[] = TAS_ELEMENTS.map((key, i) => ({
  key,
  number: i + 1,
  half: i < 4 ? 'internal' : 'external',
}))

export function isElementKey(value: string): value is ElementKey {
  return (TAS_ELEMENTS as readonly string[]).includes(value)
}

/** The element at a step of presenter mode, clamped to 1–13. */
export function elementAt(step: number): TasElement {
  const i = Math.min(ELEMENTS.length, Math.max(1, Math.round(step))) - 1
  return ELEMENTS[i]!
}

/** DOM id of an element's section in the deal workspace. */
export function sectionId(key: ElementKey): string {
  return `element-${key}`
}
