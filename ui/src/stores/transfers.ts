import type { ImportReport, Layer, Progress, ReportingMode } from '../ipc/client'
/**
 * Files in and out: importing a workspace file or a people CSV (with the
 * core's progress for a progress bar, and its list of problems when it
 * refuses the file) and exporting the workspace, a map's SVG or PNG. The
 * core opens the native dialogs; `null` from it means the user cancelled.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import {
  exportMapPng,
  exportMapSvg,
  exportWorkspaceFile,
  importPeopleFile,
  importWorkspaceFile,
  IpcError,
} from '../ipc/client'

export type TransferKind = 'importWorkspace' | 'importPeople' | 'exportWorkspace' | 'exportSvg' | 'exportPng'

export type TransferResult
  = | { kind: 'importWorkspace', report: ImportReport }
    | { kind: 'importPeople', people: number }
    | { kind: 'exportWorkspace' | 'exportSvg' | 'exportPng', path: string }

/** Share of the work done, 0–1, or `null` while the core checks or writes (no measure). */
export function progressRatio(p: Progress | null): number | null {
  if (!p)
    return null
  if (p.phase === 'done')
    return 1
  if (p.phase === 'reading' && p.total !== null && p.total > 0 && p.done !== null)
    return Math.min(1, Math.max(0, p.done / p.total))
  return null
}

export const useTransfersStore = defineStore('transfers', () => {
  const active = ref<TransferKind | null>(null)
  const progress = shallowRef<Progress | null>(null)
  const error = shallowRef<IpcError | null>(null)
  const result = shallowRef<TransferResult | null>(null)

  async function run<T>(kind: TransferKind, task: (onProgress: (p: Progress) => void) => Promise<T | null>, done: (value: T) => TransferResult): Promise<T | null> {
    if (active.value !== null)
      return null
    active.value = kind
    progress.value = null
    error.value = null
    result.value = null
    try {
      const value = await task((p) => { progress.value = p })
      if (value !== null)
        result.value = done(value)
      return value
    }
    catch (cause) {
      error.value = IpcError.from(cause)
      return null
    }
    finally {
      active.value = null
    }
  }

  function importWorkspace(replace: boolean): Promise<ImportReport | null> {
    return run('importWorkspace', p => importWorkspaceFile(replace, p), report => ({ kind: 'importWorkspace', report }))
  }

  function importPeople(account: string): Promise<number | null> {
    return run('importPeople', p => importPeopleFile(account, p), people => ({ kind: 'importPeople', people }))
  }

  function exportWorkspace(): Promise<string | null> {
    return run('exportWorkspace', () => exportWorkspaceFile(), path => ({ kind: 'exportWorkspace', path }))
  }

  function exportSvg(account: string, layer: Layer, deal: string | null, collapsed: string[], mode: ReportingMode): Promise<string | null> {
    return run('exportSvg', () => exportMapSvg(account, layer, deal, collapsed, mode), path => ({ kind: 'exportSvg', path }))
  }

  function exportPng(name: string, png: () => Promise<Uint8Array>): Promise<string | null> {
    return run('exportPng', async () => exportMapPng(name, await png()), path => ({ kind: 'exportPng', path }))
  }

  function dismiss(): void {
    error.value = null
    result.value = null
    progress.value = null
  }

  return { active, progress, error, result, importWorkspace, importPeople, exportWorkspace, exportSvg, exportPng, dismiss }
})
