// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const srcDir = fileURLToPath(new URL('../src', import.meta.url))
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter(file => /\.(?:vue|ts)$/.test(file))
  .map(file => ({ file: relative(srcDir, join(srcDir, file)), text: readFileSync(join(srcDir, file), 'utf8') }))

describe('source safety', () => {
  it('finds the sources', () => {
    expect(sources.some(s => s.file.endsWith('DealList.vue'))).toBe(true)
  })

  it('never renders HTML from strings (user-typed text must stay text)', () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/v-html|innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
    }
  })

  it('reaches generated bindings only through src/ipc/client.ts', () => {
    for (const { file, text } of sources) {
      if (file.startsWith('ipc'))
        continue
      expect(text, file).not.toMatch(/ipc\/bindings|@tauri-apps\/api/)
    }
  })
})
