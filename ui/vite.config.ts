import type { Plugin, UserConfig } from 'vite'
/// <reference types="vitest/config" />
import { readFile } from 'node:fs/promises'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

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

/*
 * Cytoscape mixes method tables into its prototypes with `Object.assign`
 * (its `extend`), `toString` included; under a frozen Object.prototype that
 * assignment throws ("Cannot assign to read only property 'toString'") and the
 * map module would not load. Its `extend` is rebuilt on
 * `Object.defineProperty`, which a frozen prototype does not block. A
 * Cytoscape upgrade that changes the line fails the build, to be reviewed.
 */
const CYTOSCAPE_ESM = /[\\/]cytoscape[\\/]dist[\\/]cytoscape\.esm\.mjs$/
const CYTOSCAPE_EXTEND = 'var extend = Object.assign != null ? Object.assign.bind(Object) : function (tgt) {'
const CYTOSCAPE_DEFINE_EXTEND = 'var extend = function (tgt) { for (var i = 1; i < arguments.length; i++) { var src = arguments[i]; if (src == null) continue; var keys = Object.keys(src); for (var j = 0; j < keys.length; j++) Object.defineProperty(tgt, keys[j], { value: src[keys[j]], writable: true, enumerable: true, configurable: true }); } return tgt; }; var unusedExtend = function (tgt) {'

export function patchCytoscapeExtend(code: string): string {
  if (!code.includes(CYTOSCAPE_EXTEND))
    throw new Error('cytoscape/dist/cytoscape.esm.mjs changed: review the frozen-prototype patch in vite.config.ts')
  return code.replace(CYTOSCAPE_EXTEND, CYTOSCAPE_DEFINE_EXTEND)
}

/** The Cytoscape patch for the build (Rollup) and for modules Vite serves as they are. */
export function cytoscapeFrozenPrototype(): Plugin {
  return {
    name: 'sandtable:cytoscape-frozen-prototype',
    enforce: 'pre',
    transform(code, id) {
      return CYTOSCAPE_ESM.test(id) ? { code: patchCytoscapeExtend(code), map: null } : null
    },
  }
}

type EsbuildPlugin = NonNullable<NonNullable<NonNullable<UserConfig['optimizeDeps']>['esbuildOptions']>['plugins']>[number]

/** The same patch for the dev server's pre-bundled dependencies (esbuild). */
const cytoscapeFrozenPrototypeDeps: EsbuildPlugin = {
  name: 'sandtable:cytoscape-frozen-prototype',
  setup(build) {
    build.onLoad({ filter: CYTOSCAPE_ESM }, async args => ({
      contents: patchCytoscapeExtend(await readFile(args.path, 'utf8')),
      loader: 'js',
    }))
  },
}

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
  plugins: [vue(), echartsFrozenPrototype(), cytoscapeFrozenPrototype()],
  optimizeDeps: {
    esbuildOptions: { plugins: [echartsFrozenPrototypeDeps, cytoscapeFrozenPrototypeDeps] },
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
