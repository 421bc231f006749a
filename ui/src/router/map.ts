import type { RouteRecordRaw } from 'vue-router'

/** Account map screens (issue 5). */
export const mapRoutes: RouteRecordRaw[] = []
