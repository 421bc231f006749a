import type { AccountSummary, DealSummary } from '../src/ipc/client'

export const accounts: AccountSummary[] = [
  { id: 'acc-hx', name: '华信银行', industry: '金融', region: '华东', people: 12, open_deals: 2 },
  { id: 'acc-nm', name: 'Northwind Metals', industry: 'Manufacturing', region: 'EMEA', people: 1, open_deals: 0 },
  { id: 'acc-evil', name: '<script>alert(1)</script>', industry: '<b>x</b>', region: '', people: 0, open_deals: 1 },
]

function deal(partial: Partial<DealSummary> & Pick<DealSummary, 'id' | 'account' | 'account_name' | 'name'>): DealSummary {
  return {
    amount: 1_000_000,
    currency: 'CNY',
    stage: 'needs_analysis',
    stage_name: '需求分析',
    stage_name_en: 'Needs analysis',
    stage_index: 3,
    status: 'open',
    grade: 'B',
    expected_close: null,
    ...partial,
  }
}

export const deals: DealSummary[] = [
  deal({
    id: 'deal-core',
    account: 'acc-hx',
    account_name: '华信银行',
    name: '核心系统升级',
    amount: 1_200_000,
    grade: 'A',
    stage: 'value',
    stage_name: '价值呈现',
    stage_name_en: 'Value presentation',
    stage_index: 4,
    expected_close: '2026-12-31',
  }),
  deal({
    id: 'deal-crm',
    account: 'acc-hx',
    account_name: '华信银行',
    name: 'CRM 扩容',
    amount: 250_000.5,
    currency: 'USD',
    grade: 'C',
    status: 'won',
  }),
  deal({
    id: 'deal-nm',
    account: 'acc-nm',
    account_name: 'Northwind Metals',
    name: 'Smelter MES',
    status: 'lost',
    grade: 'E',
    stage: 'bidding',
    stage_name: '组织投标',
    stage_name_en: '',
  }),
  deal({
    id: 'deal-evil',
    account: 'acc-evil',
    account_name: '<script>alert(1)</script>',
    name: '<b>x</b>',
    status: 'abandoned',
    grade: 'D',
  }),
]
