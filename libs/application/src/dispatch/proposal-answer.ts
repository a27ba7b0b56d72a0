import type {
  ExclusionView,
  ProposalAnswer,
  ProposedSlotView,
  TechnicianProposalView,
} from '@fieldstream/api-contract';
import type {
  CrewProposal,
  CriterionWeights,
  Exclusion,
  ProposalJob,
  ProposedSlot,
  TechnicianProposal,
} from '@fieldstream/domain';

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** The domain's proposals as the API answers them: instants as ISO strings, units beside codes. */
export function proposalAnswerOf(input: {
  requestId?: string;
  job: ProposalJob;
  priority: ProposalAnswer['job']['priority'];
  horizonEnd: number;
  weights: CriterionWeights;
  proposals: readonly TechnicianProposal[];
  crews: readonly CrewProposal[];
  unitOf: ReadonlyMap<string, string>;
}): ProposalAnswer {
  const { job } = input;
  return {
    job: {
      ...(input.requestId !== undefined && { requestId: input.requestId }),
      siteCode: job.site.code,
      ...(job.site.zoneCode !== undefined && { zoneCode: job.site.zoneCode }),
      timeZone: job.site.timeZone,
      priority: input.priority,
      durationMinutes: job.durationMinutes,
      requiredSkills: job.requiredSkills.map(({ skillCode, minLevel }) => ({ skillCode, minLevel })),
      materials: job.materials.map(({ itemCode, quantity }) => ({ itemCode, quantity })),
      notBefore: iso(job.notBefore),
      horizonEnd: iso(input.horizonEnd),
      ...(job.deadline !== undefined && { deadline: iso(job.deadline) }),
    },
    weights: { ...input.weights },
    proposals: input.proposals.map((proposal) =>
      proposalView(proposal, input.unitOf.get(proposal.technicianCode)),
    ),
    crews: input.crews.map((crew) => ({
      members: crew.members.map((member) => ({ ...member, skillCodes: [...member.skillCodes] })),
      start: iso(crew.start),
      end: iso(crew.end),
      ...(crew.withinDeadline !== undefined && { withinDeadline: crew.withinDeadline }),
    })),
  };
}

function proposalView(proposal: TechnicianProposal, unitCode: string | undefined): TechnicianProposalView {
  return {
    technicianCode: proposal.technicianCode,
    name: proposal.name,
    ...(unitCode !== undefined && { unitCode }),
    status: proposal.status,
    exclusions: proposal.exclusions.map(exclusionView),
    skills: proposal.skills.map((skill) => ({ ...skill })),
    zone: proposal.zone,
    materials: {
      status: proposal.materials.status,
      lines: proposal.materials.lines.map((line) => ({ ...line })),
    },
    ...(proposal.slot && { slot: slotView(proposal.slot) }),
    alternatives: proposal.alternatives.map(slotView),
    ...(proposal.counterfactual && {
      counterfactual: {
        start: iso(proposal.counterfactual.start),
        ifMoves: { ...proposal.counterfactual.ifMoves },
      },
    }),
    ...(proposal.score && {
      score: {
        total: proposal.score.total,
        criteria: proposal.score.criteria.map((criterion) => ({ ...criterion })),
      },
    }),
  };
}

function slotView(slot: ProposedSlot): ProposedSlotView {
  return {
    start: iso(slot.start),
    end: iso(slot.end),
    ...(slot.after && { after: { ...slot.after } }),
    ...(slot.travelMinutes !== undefined && { travelMinutes: slot.travelMinutes }),
    ...(slot.travelKm !== undefined && { travelKm: slot.travelKm }),
    ...(slot.withinDeadline !== undefined && { withinDeadline: slot.withinDeadline }),
  };
}

function exclusionView(exclusion: Exclusion): ExclusionView {
  switch (exclusion.code) {
    case 'unavailable':
      return { ...exclusion, until: iso(exclusion.until) };
    case 'fully_booked':
      return { code: 'fully_booked', until: iso(exclusion.until) };
    default:
      return { ...exclusion };
  }
}
