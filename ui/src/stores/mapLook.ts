import type { MapLook } from '../modules/mapEncoding'
/**
 * How the relationship map is drawn: the core's palette (`map_palette`),
 * fetched once per window and turned into lookups (`mapLook`). The map, its
 * legend and the profile panel's choices all read it from here.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { IpcError, mapPalette } from '../ipc/client'
import { mapLook } from '../modules/mapEncoding'

export const useMapLookStore = defineStore('mapLook', () => {
  const look = shallowRef<MapLook | null>(null)
  const error = shallowRef<IpcError | null>(null)
  let pending: Promise<void> | null = null

  /** Fetches the palette unless it is here or on its way; a failure may be retried. */
  function load(): Promise<void> {
    pending ??= mapPalette().then(
      (palette) => {
        look.value = mapLook(palette)
        error.value = null
      },
      (cause: unknown) => {
        error.value = IpcError.from(cause)
        pending = null
      },
    )
    return pending
  }

  return { look, error, load }
})
