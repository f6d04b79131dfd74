// Credit level from a score, by the thresholds in the policy module.
import { LEVELS, SCORE_MAX, SCORE_MIN, type LevelName } from './policy'

export function levelOf(score: number): LevelName {
  const s = Math.max(SCORE_MIN, Math.min(SCORE_MAX, Math.floor(score)))
  for (const level of LEVELS) if (s >= level.min) return level.name
  return LEVELS[LEVELS.length - 1].name
}

/** true when `level` is at least `minimum` (e.g. 优秀 ≥ 良好). */
export function levelAtLeast(level: LevelName, minimum: LevelName): boolean {
  const idx = (n: LevelName) => LEVELS.findIndex((l) => l.name === n)
  return idx(level) <= idx(minimum)
}
