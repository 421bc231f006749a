import type { Layout, LayoutNode, MapPalette, NodeEncoding } from '../src/ipc/client'
import type { MapLook } from '../src/modules/mapEncoding'
import { mapLook } from '../src/modules/mapEncoding'

export function encoding(partial: Partial<NodeEncoding> = {}): NodeEncoding {
  return {
    attitude: 'unknown',
    interaction: 'none',
    on_deal: false,
    role: null,
    orientation: 'unknown',
    influence: 'unknown',
    inside_source: false,
    leans_to: null,
    leans_to_name: null,
    ...partial,
  }
}

export function node(person: string, x: number, y: number, partial: Partial<LayoutNode> = {}): LayoutNode {
  return {
    person,
    name: person.toUpperCase(),
    title: '',
    x,
    y,
    width: 184,
    height: 60,
    encoding: encoding(),
    circle: null,
    hidden_reports: 0,
    ...partial,
  }
}

/** A manager above two reports, the reporting route orthogonal as the core draws it. */
export function reportingLayout(): Layout {
  return {
    layer: 'reporting',
    mode: 'compact',
    account: 'acc',
    account_name: '华信银行',
    deal: null,
    deal_name: null,
    as_of: '2026-11-27',
    width: 460,
    height: 220,
    nodes: [
      node('p1', 138, 24, { name: '王总', title: '行长', encoding: encoding({ attitude: 'strong_positive', interaction: 'deep', orientation: 'professional', influence: 'high' }) }),
      node('p2', 24, 136, { name: '<b>李</b>', title: '科技部总经理' }),
      node('p3', 252, 136, { hidden_reports: 4 }),
    ],
    edges: [
      { kind: 'reporting', from: 'p1', to: 'p2', strength: null, label: '', points: [{ x: 230, y: 84 }, { x: 230, y: 110 }, { x: 116, y: 110 }, { x: 116, y: 136 }] },
      { kind: 'reporting', from: 'p1', to: 'p3', strength: null, label: '', points: [{ x: 230, y: 84 }, { x: 230, y: 110 }, { x: 344, y: 110 }, { x: 344, y: 136 }] },
      { kind: 'influence', from: 'p2', to: 'p3', strength: 3, label: '', points: [{ x: 208, y: 166 }, { x: 252, y: 166 }] },
    ],
    groups: [],
    legend: [],
    hidden: 4,
  }
}

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en })
function region(fill: string, stroke: string, ink: string, extra: Partial<MapPalette['outside']> = {}): MapPalette['outside'] {
  return { fill, stroke, stroke_width: 1.25, stroke_opacity: 0.5, dash: null, ink, radius: 10, ...extra }
}

/**
 * A palette shaped as the core's (`map_palette`), with values of its own: a
 * test that finds them in the output proves the window draws with what the
 * core sends, not with a copy.
 */
export function palette(): MapPalette {
  return {
    attitudes: [
      { attitude: 'strong_positive', strong: '#a00001', tint: '#b00001' },
      { attitude: 'positive', strong: '#a00002', tint: '#b00002' },
      { attitude: 'neutral', strong: '#a00003', tint: '#b00003' },
      { attitude: 'negative', strong: '#a00004', tint: '#b00004' },
      { attitude: 'strong_negative', strong: '#a00005', tint: '#b00005' },
      { attitude: 'unknown', strong: '#a00006', tint: '#b00006' },
    ],
    interactions: [
      { interaction: 'none', width: 1.5, dash: [5, 2] },
      { interaction: 'occasional', width: 2, dash: null },
      { interaction: 'frequent', width: 3, dash: null },
      { interaction: 'deep', width: 5, dash: null },
    ],
    roles: [
      { role: 'approver', colour: '#c00001', glyph: text('甲', 'Ap') },
      { role: 'decision_maker', colour: '#c00002', glyph: text('乙', 'Dm') },
      { role: 'evaluator', colour: '#c00003', glyph: text('丙', 'Ev') },
      { role: 'user', colour: '#c00004', glyph: text('丁', 'Us') },
      { role: 'unknown', colour: '#c00005', glyph: text('？', '??') },
    ],
    orientations: [
      { orientation: 'professional', mark: text('专x', 'P1') },
      { orientation: 'pragmatic', mark: text('务x', 'P2') },
      { orientation: 'professional_pragmatic', mark: text('专务x', 'P3') },
      { orientation: 'pragmatic_professional', mark: text('务专x', 'P4') },
      { orientation: 'balanced', mark: text('均x', 'P5') },
      { orientation: 'unknown', mark: text('？x', '??') },
    ],
    influences: [
      { influence: 'high', pips: 4 },
      { influence: 'medium', pips: 2 },
      { influence: 'low', pips: 1 },
      { influence: 'unknown', pips: null },
    ],
    edges: [
      { kind: 'reporting', colour: '#d00001', widths: [1.1], dash: null, opacity: 1, directed: false },
      { kind: 'dotted_line', colour: '#d00002', widths: [1.2], dash: [7, 3], opacity: 1, directed: false },
      { kind: 'influence', colour: '#d00003', widths: [1, 2, 3.5], dash: null, opacity: 0.5, directed: true },
      { kind: 'decision', colour: '#d00004', widths: [2.2], dash: null, opacity: 1, directed: true },
    ],
    circles: [region('#e00001', '#e10001', '#e20001'), region('#e00002', '#e10002', '#e20002')],
    outside: region('#f00001', '#f10001', '#f20001', { dash: [9, 5], stroke_opacity: 1 }),
    bands: [region('#f00002', '#f10002', '#f20002'), region('#f00003', '#f10002', '#f20002')],
    node: {
      stroke: '#123456',
      radius: 7,
      name_ink: '#234567',
      title_ink: '#345678',
      text_x: 16,
      text_gap: 3,
      text_right: 9,
      stripe: { x: 2, y: 5, width: 7, radius: 3 },
      cluster_inset: 5,
      mark: { y: 4, height: 17, radius: 2, pad: 9, font_size: 12, text_y: 18, gap: 5, fill: '#456789', stroke: '#56789a', stroke_width: 0.9, ink: '#6789ab' },
      badge: { radius: 9, cy: 14, font_size: 12, text_y: 18, ink: '#789abc', advance: 24 },
      star: { glyph: '✦', colour: '#89abcd', font_size: 15, y: 20, advance: 19 },
      pips: { count: 4, x: 16, y: 9, step: 6, radius: 2.2, ink: '#9abcde', stroke_width: 0.7 },
      leans: { text: text('偏向', 'tilts'), colour: '#abcdef', ink: '#bcdef0', font_size: 9, bold: false, pad: 11, height: 13, inset: 7, text_y: 3 },
      folded: { text: text('', ''), colour: '#cdef01', ink: '#def012', font_size: 10, bold: true, pad: 13, height: 16, inset: 15, text_y: 4 },
    },
    text: {
      wide: [{ first: 0x2E80, last: 0x9FFF }, { first: 0xFF00, last: 0xFF60 }],
      wide_em: 1.1,
      space_em: 0.25,
      capital_em: 0.7,
      other_em: 0.5,
      ellipsis: '…',
    },
  }
}

/** Lookups over the test palette. */
export function look(): MapLook {
  return mapLook(palette())
}
