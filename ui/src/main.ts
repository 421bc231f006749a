import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { systemLanguages } from './ipc/client'
import { inDesktopWindow, onCloseRequested } from './ipc/window'
import { browserLanguages, createAppI18n, initialLocale } from './modules/i18n'
import { settleUnsaved } from './modules/unsaved'
import { createAppRouter } from './router'
import './styles.css'

// The system locale decides the first language (a saved choice wins); the
// webview's own languages are only a fallback.
async function start(): Promise<void> {
  const system = await systemLanguages().catch(() => [] as string[])
  createApp(App)
    .use(createPinia())
    .use(createAppRouter())
    .use(createAppI18n(initialLocale([...system, ...browserLanguages()])))
    .mount('#app')
  // Closing the window first settles the text typed and not saved.
  if (inDesktopWindow())
    await onCloseRequested(settleUnsaved)
}

void start()
