import type { RouteRecordRaw } from 'vue-router'

/** Deal war room screens (issue 7): deal workspace, coaching board, pipeline, presenter mode. */
export const warroomRoutes: RouteRecordRaw[] = []
