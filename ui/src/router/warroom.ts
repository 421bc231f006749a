import type { RouteRecordRaw } from 'vue-router'

/**
 * Deal war room screens (issue 7): deal workspace (with its scenarios),
 * coaching board with the one-page deal brief, pipeline, presenter mode.
 * Loaded on first visit: the deal list does not pay for them.
 */
export const warroomRoutes: RouteRecordRaw[] = [
  { path: '/deal/:id', name: 'deal', component: () => import('../views/deal/DealWorkspaceView.vue'), props: true },
  { path: '/coaching', name: 'coaching', component: () => import('../views/deal/CoachingBoardView.vue') },
  { path: '/brief/:id', name: 'deal-brief', component: () => import('../views/deal/DealBriefView.vue'), props: true },
  { path: '/pipeline', name: 'pipeline', component: () => import('../views/deal/PipelineView.vue') },
  { path: '/present/:id', name: 'present', component: () => import('../views/deal/PresenterView.vue'), props: true },
]
