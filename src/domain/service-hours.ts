// Points for confirmed public-service (公益服务) hours, with diminishing returns: the first hours
// count most, and beyond the last tier hours still count for repair but add nothing to the score.
import { SERVICE_HOUR_TIERS } from './policy'

export function serviceHourPoints(hours: number): number {
  if (!Number.isFinite(hours) || hours <= 0) return 0
  let points = 0
  let from = 0
  for (const tier of SERVICE_HOUR_TIERS) {
    const inTier = Math.max(0, Math.min(hours, tier.upTo) - from)
    points += Math.floor(inTier / tier.hoursPerPoint)
    from = tier.upTo
  }
  return points
}

/** The most the hours can ever add. */
export const SERVICE_HOUR_MAX_POINTS = serviceHourPoints(Number.MAX_SAFE_INTEGER)

/** Hours still to serve for the next point, or null at the cap (for "再服务 N 小时可加 1 分"). */
export function hoursToNextPoint(hours: number): number | null {
  const now = serviceHourPoints(hours)
  if (now >= SERVICE_HOUR_MAX_POINTS) return null
  let from = 0
  for (const tier of SERVICE_HOUR_TIERS) {
    if (hours < tier.upTo) {
      const inTier = Math.max(0, hours - from)
      const next = from + (Math.floor(inTier / tier.hoursPerPoint) + 1) * tier.hoursPerPoint
      return Math.round((next - hours) * 10) / 10
    }
    from = tier.upTo
  }
  return null
}
