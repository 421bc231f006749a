/**
 * The window itself (not the core): whether the UI runs in the desktop
 * window, and the user's request to close it. Like client.ts, the only place
 * the rest of the UI reaches Tauri's API from.
 */
import { isTauri } from '@tauri-apps/api/core'
import { getCurrentWindow } from '@tauri-apps/api/window'

/** Whether the UI runs in the Tauri window (not in a test or a plain browser). */
export function inDesktopWindow(): boolean {
  return isTauri()
}

/**
 * Asks `mayClose` whenever the user asks to close the window: `false` keeps
 * it open; otherwise Tauri destroys it. Resolves to the function that stops
 * listening.
 */
export function onCloseRequested(mayClose: () => Promise<boolean>): Promise<() => void> {
  return getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await mayClose()))
      event.preventDefault()
  })
}
