import type { Layout, LayoutNode, NodeEncoding } from '../src/ipc/client'

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
