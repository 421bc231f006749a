/**
 * The visual encoding of the relationship map (tas-plus.md §3.4), copied from
 * the core's SVG export so the screen and the exported picture agree:
 * `src/layout/encoding.rs` (attitude fill, interaction border, role badge,
 * orientation mark, influence pips, inside source, leaning to a competitor,
 * edge strokes) and `src/layout/svg.rs` (circle fills, box geometry). When one
 * of those palettes changes, change it here too (`mapEncoding.test.ts` pins
 * the values).
 */
import type { Attitude, EdgeKind, Influence, Interaction, Orientation, Role } from '../ipc/client'
import type { AppLocale } from './i18n'

export const ATTITUDES: readonly Attitude[] = ['strong_positive', 'positive', 'neutral', 'negative', 'strong_negative', 'unknown']
export const INTERACTIONS: readonly Interaction[] = ['none', 'occasional', 'frequent', 'deep']
export const ROLES: readonly Role[] = ['approver', 'decision_maker', 'evaluator', 'user', 'unknown']
export const ORIENTATIONS: readonly Orientation[] = ['professional', 'pragmatic', 'professional_pragmatic', 'pragmatic_professional', 'balanced', 'unknown']
export const INFLUENCES: readonly Influence[] = ['high', 'medium', 'low', 'unknown']
export const EDGE_KINDS: readonly EdgeKind[] = ['reporting', 'dotted_line', 'influence', 'decision']

/** Strong colour (stripe, legend) and light tint (box fill) of an attitude (`attitude_colours`). */
export function attitudeColours(a: Attitude): { strong: string, tint: string } {
  switch (a) {
    case 'strong_positive': return { strong: '#1a7f37', tint: '#d2f4dc' }
    case 'positive': return { strong: '#4ac26b', tint: '#ebf9ee' }
    case 'neutral': return { strong: '#8c959f', tint: '#f3f4f6' }
    case 'negative': return { strong: '#f47067', tint: '#fde8e6' }
    case 'strong_negative': return { strong: '#b62324', tint: '#f9d0ce' }
    default: return { strong: '#d0d7de', tint: '#ffffff' }
  }
}

/** Border width and dash of an interaction level: the deeper, the thicker (`interaction_border`). */
export function interactionBorder(i: Interaction): { width: number, dash: number[] | null } {
  switch (i) {
    case 'none': return { width: 1, dash: [4, 3] }
    case 'occasional': return { width: 1.2, dash: null }
    case 'frequent': return { width: 2.4, dash: null }
    default: return { width: 4, dash: null }
  }
}

export const BOX_STROKE = '#24292f'

const ROLE_GLYPHS: Record<AppLocale, Record<Role, string>> = {
  'zh-CN': { approver: '批', decision_maker: '决', evaluator: '评', user: '用', unknown: '?' },
  'en': { approver: 'A', decision_maker: 'D', evaluator: 'E', user: 'U', unknown: '?' },
}

/** The decision-role badge: 批/决/评/用 in Chinese, A/D/E/U in English, "?" when unknown. */
export function roleBadge(role: Role, locale: AppLocale): { glyph: string, colour: string } {
  return { glyph: ROLE_GLYPHS[locale][role], colour: roleColour(role) }
}

/** Badge colour of a decision role (`role_badge`). */
export function roleColour(role: Role): string {
  switch (role) {
    case 'approver': return '#6639ba'
    case 'decision_maker': return '#0550ae'
    case 'evaluator': return '#1b7c83'
    case 'user': return '#7d4e00'
    default: return '#6e7781'
  }
}

const ORIENTATION_MARKS: Record<AppLocale, Record<Orientation, string>> = {
  // As the SVG export draws them.
  'zh-CN': {
    professional: '专',
    pragmatic: '务',
    professional_pragmatic: '专务',
    pragmatic_professional: '务专',
    balanced: '均',
    unknown: '?',
  },
  'en': {
    professional: 'Pro',
    pragmatic: 'Prg',
    professional_pragmatic: 'Pro+',
    pragmatic_professional: 'Prg+',
    balanced: 'Bal',
    unknown: '?',
  },
}

/** The short mark of a behaviour orientation in the box's top-right corner. */
export function orientationMark(o: Orientation, locale: AppLocale): string {
  return ORIENTATION_MARKS[locale][o]
}

/** Filled pips (of three) for an influence level; `null` when unknown (`influence_pips`). */
export function influencePips(i: Influence): number | null {
  switch (i) {
    case 'high': return 3
    case 'medium': return 2
    case 'low': return 1
    default: return null
  }
}

export const INSIDE_SOURCE_COLOUR = '#bf8700'
export const LEANS_TO_COLOUR = '#cf222e'
export const HIDDEN_CHIP_COLOUR = '#57606a'

/** Stroke colour, width and dash of an edge kind; influence width grows with strength (`edge_style`). */
export function edgeStyle(kind: EdgeKind, strength: number | null): { colour: string, width: number, dash: number[] | null, opacity: number, directed: boolean } {
  switch (kind) {
    case 'reporting': return { colour: '#57606a', width: 1.4, dash: null, opacity: 1, directed: false }
    case 'dotted_line': return { colour: '#8250df', width: 1.4, dash: [6, 4], opacity: 1, directed: false }
    case 'influence': {
      const s = Math.min(3, Math.max(1, strength ?? 1))
      return { colour: '#bc4c00', width: 0.6 + 0.9 * s, dash: null, opacity: 0.75, directed: true }
    }
    default: return { colour: '#0969da', width: 1.8, dash: null, opacity: 1, directed: true }
  }
}

/** Fill and ink of the n-th circle region (`CIRCLE_FILLS`, cycling). */
const CIRCLE_FILLS: readonly (readonly [string, string])[] = [
  ['#ddf4ff', '#0550ae'],
  ['#fff8c5', '#7d4e00'],
  ['#fbefff', '#6639ba'],
  ['#dafbe1', '#116329'],
  ['#ffebe9', '#a40e26'],
  ['#fff1e5', '#953800'],
  ['#e6fffa', '#1b7c83'],
  ['#ffeff7', '#99286e'],
]

export function circleColours(n: number): { fill: string, ink: string } {
  const [fill, ink] = CIRCLE_FILLS[((n % CIRCLE_FILLS.length) + CIRCLE_FILLS.length) % CIRCLE_FILLS.length]!
  return { fill, ink }
}

export const OUTSIDE_COLOURS = { fill: '#f6f8fa', ink: '#57606a', stroke: '#8c959f' }
export const BAND_COLOURS = { even: '#f6f8fa', odd: '#ffffff', stroke: '#d0d7de', ink: '#1f2328' }

/**
 * Approximate advance of `s` at `size` px, as the SVG export measures it:
 * CJK and full-width glyphs are one em, Latin about 0.6 (`text_width`).
 */
export function textWidth(s: string, size: number): number {
  let em = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60))
      em += 1
    else if (c === 0x20)
      em += 0.3
    else if (/[A-Z0-9]/.test(ch))
      em += 0.62
    else
      em += 0.56
  }
  return em * size
}

/** `s` cut with "…" to fit `width` at `size` px (`fit`). */
export function fitText(s: string, size: number, width: number): string {
  if (textWidth(s, size) <= width)
    return s
  const budget = width - textWidth('…', size)
  let out = ''
  for (const ch of s) {
    if (textWidth(out + ch, size) > budget)
      break
    out += ch
  }
  return `${out}…`
}
