import type { MessageSchema } from '../locales'
/**
 * Interface language: which locale the window starts in, how the user's
 * choice is remembered, and keeping `<html lang>` in step (CJK font
 * selection and screen readers depend on it).
 */
import { computed } from 'vue'
import { createI18n, useI18n } from 'vue-i18n'
import { messages } from '../locales'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]

export type { MessageSchema }

export const LOCALE_STORAGE_KEY = 'sandtable.locale'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/**
 * The first language in the user's preference list that we have a translation
 * for; any Chinese variant maps to zh-CN, since it is our only Chinese locale.
 */
export function detectLocale(languages: readonly string[]): AppLocale {
  for (const language of languages) {
    const tag = language.toLowerCase()
    if (tag === 'zh' || tag.startsWith('zh-'))
      return 'zh-CN'
    if (tag === 'en' || tag.startsWith('en-'))
      return 'en'
  }
  return 'en'
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined')
    return []
  if (navigator.languages?.length)
    return navigator.languages
  return navigator.language ? [navigator.language] : []
}

// Storage can be unavailable (disabled, quota); the choice then lasts for the session only.
export function loadStoredLocale(): AppLocale | null {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY)
    return isAppLocale(stored) ? stored : null
  }
  catch {
    return null
  }
}

function storeLocale(locale: AppLocale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale)
  }
  catch {}
}

/** A stored user choice wins over the system languages. */
export function initialLocale(languages: readonly string[] = browserLanguages()): AppLocale {
  return loadStoredLocale() ?? detectLocale(languages)
}

export function syncDocumentLanguage(locale: AppLocale): void {
  if (typeof document !== 'undefined')
    document.documentElement.setAttribute('lang', locale)
}

export function createAppI18n(locale: AppLocale = initialLocale()) {
  syncDocumentLanguage(locale)
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
  })
}

/** Current locale plus the one way to change it: as a user choice, persisted. */
export function useAppLocale() {
  const { locale } = useI18n({ useScope: 'global' })
  const current = computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : 'en'))

  function setLocale(next: AppLocale): void {
    locale.value = next
    syncDocumentLanguage(next)
    storeLocale(next)
  }

  return { locale: current, setLocale }
}
