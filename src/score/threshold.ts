// --fail-under: which brands scored below a minimum. Pure; the command turns a non-empty answer
// into exit code 1. A brand without a score (nothing to judge) is not below anything.

export interface Scored {
  handle: string;
  score: { value: number } | null;
}

export function belowThreshold(brands: readonly Scored[], min: number): { handle: string; score: number }[] {
  return brands.filter((b) => b.score !== null && b.score.value < min).map((b) => ({ handle: b.handle, score: b.score!.value }));
}

/** Brands that --fail-under cannot judge because they have no score. */
export function unscored(brands: readonly Scored[]): string[] {
  return brands.filter((b) => b.score === null).map((b) => b.handle);
}
