/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The Tauri shell loads `../ui/dist` in release and http://localhost:1420 in dev
// (src-tauri/tauri.conf.json), so the port must not drift.
export default defineConfig({
  base: './',
  plugins: [vue()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: {
      // The Rust side rebuilds itself; reloading the page for it is noise.
      ignored: ['**/src-tauri/**', '**/target/**'],
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The Tauri webviews (WebView2, WKWebView, WebKitGTK) are all recent.
    target: 'es2022',
  },
  define: {
    // vue-i18n esm-bundler feature flags: composition API only, no devtools in
    // production builds.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
  },
})
