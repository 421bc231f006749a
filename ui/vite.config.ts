/// <reference types="vitest/config" />
import { readFile } from 'node:fs/promises'
import { defineConfig } from 'vite'
import type { Plugin, UserConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

/*
 * Tauri freezes Object.prototype in the window (`freezePrototype` in
 * tauri.conf.json). ECharts' scheduler, when its module loads, copies every
 * key of a class prototype onto a plain object by assignment — `constructor`
 * included — and assigning a key that is read-only on a frozen prototype
 * throws, so the chart module would not even load. The copy is made with
 * `Object.defineProperty` instead, which a frozen prototype does not block.
 * An ECharts upgrade that changes the line fails the build, to be reviewed.
 */
const ECHARTS_SCHEDULER = /[\\/]echarts[\\/]lib[\\/]core[\\/]Scheduler\.js$/
const SCHEDULER_ASSIGNMENT = 'target[name_1] = noop;'
const SCHEDULER_DEFINITION = 'Object.defineProperty(target, name_1, { value: noop, writable: true, enumerable: true, configurable: true });'

export function patchEchartsScheduler(code: string): string {
  if (!code.includes(SCHEDULER_ASSIGNMENT))
    throw new Error('echarts/lib/core/Scheduler.js changed: review the frozen-prototype patch in vite.config.ts')
  return code.replace(SCHEDULER_ASSIGNMENT, SCHEDULER_DEFINITION)
}

/** The patch for the build (Rollup) and for modules Vite serves as they are. */
export function echartsFrozenPrototype(): Plugin {
  return {
    name: 'sandtable:echarts-frozen-prototype',
    enforce: 'pre',
    transform(code, id) {
      return ECHARTS_SCHEDULER.test(id) ? { code: patchEchartsScheduler(code), map: null } : null
    },
  }
}

type EsbuildPlugin = NonNullable<NonNullable<NonNullable<UserConfig['optimizeDeps']>['esbuildOptions']>['plugins']>[number]

/** The same patch for the dev server's pre-bundled dependencies (esbuild). */
const echartsFrozenPrototypeDeps: EsbuildPlugin = {
  name: 'sandtable:echarts-frozen-prototype',
  setup(build) {
    build.onLoad({ filter: ECHARTS_SCHEDULER }, async args => ({
      contents: patchEchartsScheduler(await readFile(args.path, 'utf8')),
      loader: 'js',
    }))
  },
}

// The Tauri shell loads `../ui/dist` in release and http://localhost:1420 in dev
// (src-tauri/tauri.conf.json), so the port must not drift.
export default defineConfig({
  base: './',
  plugins: [vue(), echartsFrozenPrototype()],
  optimizeDeps: {
    esbuildOptions: { plugins: [echartsFrozenPrototypeDeps] },
  },
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
