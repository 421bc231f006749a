/**
 * Screens of the window. Each screen group lists its routes in its own file
 * (map.ts: account maps; warroom.ts: deals, coaching, pipeline, presenter),
 * merged here. Hash history: the app is served from embedded assets.
 */
import type { RouteRecordRaw, RouterHistory } from 'vue-router'
import { createRouter, createWebHashHistory } from 'vue-router'
import { settleUnsaved } from '../modules/unsaved'
import HomeView from '../views/HomeView.vue'
import { mapRoutes } from './map'
import { warroomRoutes } from './warroom'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/competitors', name: 'competitors', component: () => import('../views/CompetitorsView.vue') },
  { path: '/settings', name: 'settings', component: () => import('../views/SettingsView.vue') },
  ...mapRoutes,
  ...warroomRoutes,
]

/**
 * The window's router; tests pass a memory history. Leaving a screen (or
 * another deal or account on the same screen) first settles the text typed
 * and not saved there: saved, discarded, or the user stays.
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({ history, routes })
  router.beforeEach(() => settleUnsaved())
  return router
}
