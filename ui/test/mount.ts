import type { VueWrapper } from '@vue/test-utils'
import type { Component } from 'vue'
import type { AppLocale } from '../src/modules/i18n'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { createAppI18n } from '../src/modules/i18n'
import { createAppRouter } from '../src/router'
import { useWorkspaceStore } from '../src/stores/workspace'

/**
 * Mounts a component (with props) with a fresh Pinia, the real i18n setup in
 * the given locale, and the real routes on a memory history at `/` (await
 * `flushPromises()` before reading routed content).
 */
export function mountWithApp(component: Component, locale: AppLocale = 'zh-CN', props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createAppI18n(locale)
  const router = createAppRouter(createMemoryHistory())
  void router.push('/')
  const wrapper = mount(component, {
    props,
    attachTo: document.body,
    global: { plugins: [pinia, i18n, router] },
  })
  mounted.add(wrapper)
  return { wrapper, i18n, router, workspace: useWorkspaceStore() }
}

const mounted = new Set<VueWrapper>()

/**
 * Unmounts what `mountWithApp` mounted and is still mounted, so document
 * listeners and teleported popovers do not outlive their test.
 */
export function unmountAll(): void {
  for (const wrapper of mounted) {
    if (!wrapper.vm.$.isUnmounted)
      wrapper.unmount()
  }
  mounted.clear()
}

/** Text of every element matching a test id, trimmed. */
export function texts(wrapper: ReturnType<typeof mount>, testId: string): string[] {
  return wrapper.findAll(`[data-testid="${testId}"]`).map(node => node.text())
}
