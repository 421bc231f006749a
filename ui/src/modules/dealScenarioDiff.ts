/**
 * What a sand-table scenario (沙盘推演) does to the red flags: the ones it
 * would clear and the ones it would raise, against reality. Both flag lists
 * come from the core (`scenario_view`); this only lines them up.
 */
import type { Flag } from '../ipc/client'

/**
 * Which flag this is, regardless of the numbers it carries: a key person's
 * flag is about that person, a checklist flag about that stage; the others
 * occur once per deal.
 */
export function flagIdentity(flag: Flag): string {
  switch (flag.flag) {
    case 'key_person_negative':
    case 'key_person_no_interaction':
      return `${flag.flag}:${flag.person}`
    case 'checklist_incomplete':
      return `${flag.flag}:${flag.stage}`
    default:
      return flag.flag
  }
}

export interface FlagDiff {
  /** Raised by the scenario, not in reality. */
  added: Flag[]
  /** In reality, cleared by the scenario. */
  removed: Flag[]
  /** In both (the scenario's version). */
  kept: Flag[]
}

export function flagDiff(real: readonly Flag[], projected: readonly Flag[]): FlagDiff {
  const before = new Set(real.map(flagIdentity))
  const after = new Set(projected.map(flagIdentity))
  return {
    added: projected.filter(f => !before.has(flagIdentity(f))),
    removed: real.filter(f => !after.has(flagIdentity(f))),
    kept: projected.filter(f => before.has(flagIdentity(f))),
  }
}

/** `delta` points as a direction, for colouring. */
export function deltaDirection(delta: number | null): 'up' | 'down' | 'same' | 'none' {
  if (delta === null)
    return 'none'
  if (Math.abs(delta) < 0.05)
    return 'same'
  return delta > 0 ? 'up' : 'down'
}
