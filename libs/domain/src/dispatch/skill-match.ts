/** A skill a job needs, at least at `minLevel` (1–5). */
export interface RequiredSkill {
  readonly skillCode: string;
  readonly minLevel: number;
}

/** A skill a technician holds, through a professional role or personally. */
export interface HeldSkill {
  readonly skillCode: string;
  readonly level: number;
  /** For certified skills: the last day ('YYYY-MM-DD') the certificate is valid. */
  readonly certifiedUntil?: string;
  /** Whether the skill needs a certificate at all (gas safe, F-gas...). */
  readonly certified: boolean;
}

/** How one required skill is met, or why not. */
export interface SkillMatch {
  readonly skillCode: string;
  readonly minLevel: number;
  readonly heldLevel?: number;
  readonly certifiedUntil?: string;
  readonly verdict: 'met' | 'missing' | 'level_too_low' | 'certificate_expired' | 'certificate_missing';
}

/** The level a skill given by a role counts as, when the technician has no personal level for it. */
export const ROLE_SKILL_LEVEL = 3;

/**
 * The skills of a technician: those of their roles at the role level, a personal entry overriding
 * it (a higher or lower level, a certificate).
 */
export function heldSkills(
  roleSkillCodes: readonly string[],
  personal: readonly { skillCode: string; level: number; certifiedUntil?: string }[],
  certifiedSkills: ReadonlySet<string>,
): Map<string, HeldSkill> {
  const held = new Map<string, HeldSkill>();
  for (const skillCode of roleSkillCodes) {
    held.set(skillCode, { skillCode, level: ROLE_SKILL_LEVEL, certified: certifiedSkills.has(skillCode) });
  }
  for (const skill of personal) {
    held.set(skill.skillCode, {
      skillCode: skill.skillCode,
      level: skill.level,
      certified: certifiedSkills.has(skill.skillCode),
      ...(skill.certifiedUntil !== undefined && { certifiedUntil: skill.certifiedUntil }),
    });
  }
  return held;
}

/**
 * Each required skill against what the technician holds on `onDate` (the visit's local date): a
 * certified skill counts only with a certificate valid that day.
 */
export function matchSkills(
  required: readonly RequiredSkill[],
  held: ReadonlyMap<string, HeldSkill>,
  onDate: string,
): SkillMatch[] {
  return required.map((skill) => matchSkill(skill, held.get(skill.skillCode), onDate));
}

/**
 * One required skill against the technician's entry for it (undefined: not held). Built as plain
 * literals: proposals match every technician of an organisation, and each object counts there.
 */
export function matchSkill(
  required: RequiredSkill,
  skill: HeldSkill | undefined,
  onDate: string,
): SkillMatch {
  const { skillCode, minLevel } = required;
  if (!skill) return { skillCode, minLevel, verdict: 'missing' };
  const heldLevel = skill.level;
  // A date on a skill that needs no certificate means nothing here.
  const certifiedUntil = skill.certified ? skill.certifiedUntil : undefined;
  let verdict: SkillMatch['verdict'] = 'met';
  if (heldLevel < minLevel) verdict = 'level_too_low';
  else if (skill.certified && certifiedUntil === undefined) verdict = 'certificate_missing';
  else if (certifiedUntil !== undefined && certifiedUntil < onDate) verdict = 'certificate_expired';
  return certifiedUntil === undefined
    ? { skillCode, minLevel, heldLevel, verdict }
    : { skillCode, minLevel, heldLevel, certifiedUntil, verdict };
}

/**
 * How far above what is asked the technician's levels are, on average: 0 at exactly the level
 * asked, 1 at the top level (5); nothing asked counts as 1.
 */
export function skillMargin(matches: readonly SkillMatch[]): number {
  if (matches.length === 0) return 1;
  // Summed in order as they come, without an array of margins: every proposed technician gets one.
  let sum = 0;
  for (const match of matches) {
    sum +=
      match.heldLevel === undefined || match.minLevel >= 5
        ? 1
        : Math.max(0, (match.heldLevel - match.minLevel) / (5 - match.minLevel));
  }
  return sum / matches.length;
}
