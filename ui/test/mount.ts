import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import type { AppLocale } from '../src/modules/i18n'
import { createAppI18n } from '../src/modules/i18n'
import { useWorkspaceStore } from '../src/stores/workspace'

/** Mounts a component with a fresh Pinia and the real i18n setup in the given locale. */
export function mountWithApp(component: Component, locale: AppLocale = 'zh-CN') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createAppI18n(locale)
  const wrapper = mount(component, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n] },
  })
  return { wrapper, i18n, workspace: useWorkspaceStore() }
}

/** Text of every element matching a test id, trimmed. */
export function texts(wrapper: ReturnType<typeof mount>, testId: string): string[] {
  return wrapper.findAll(`[data-testid="${testId}"]`).map(node => node.text())
}
