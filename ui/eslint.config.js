// Lint rules for the UI: antfu's config (Vue, TypeScript, stylistic rules the
// code already follows), run by the README's test command.
import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  ignores: ['dist', 'src/ipc/bindings.ts'],
}, {
  rules: {
    // Closures may name what is declared below them (computed values, state).
    'ts/no-use-before-define': ['error', { functions: false, classes: false, variables: false }],
    // One-line arrow bodies such as `(d) => { d.x = y }` are the house style.
    'style/max-statements-per-line': 'off',
    // It takes any `.innerText` for the DOM's (ECharts' colour options have one).
    'unicorn/prefer-dom-node-text-content': 'off',
  },
})
