/**
 * The interface's messages per locale. Each screen group keeps its own pair
 * of files (so two people can add strings without touching the same file);
 * they are merged here under their own top-level keys.
 */
import en from './en.json'
import mapEn from './map.en.json'
import mapZhCN from './map.zh-CN.json'
import warroomEn from './warroom.en.json'
import warroomZhCN from './warroom.zh-CN.json'
import zhCN from './zh-CN.json'

export const messages = {
  'zh-CN': { ...zhCN, ...mapZhCN, ...warroomZhCN },
  'en': { ...en, ...mapEn, ...warroomEn },
}

/** zh-CN is the source locale; en must have the same keys (checked by a test). */
export type MessageSchema = (typeof messages)['zh-CN']
