import type { RouteRecordRaw } from 'vue-router'

/**
 * Account map screens (issue 5): the relationship map of one account. Loaded
 * on first visit: the home screen does not pay for Cytoscape.
 */
export const mapRoutes: RouteRecordRaw[] = [
  { path: '/account/:account', name: 'account-map', component: () => import('../views/AccountView.vue'), props: true },
]
