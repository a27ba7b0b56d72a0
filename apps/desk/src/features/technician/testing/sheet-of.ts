import type { InterventionSheet, ServiceRequestDetail } from '@fieldstream/api-contract';

/**
 * The sheet of request R1 (SR-R1) for ACME's machine SN-ACME-1, assigned to T-MI-1, at version 7:
 * two conditions with instructions, a contract, one previous intervention and a manual.
 */
export function sheetOf(request: Partial<ServiceRequestDetail> = {}): InterventionSheet {
  return {
    request: {
      id: 'R1',
      reference: 'SR-R1',
      status: 'assigned',
      source: 'desk',
      priority: 'high',
      customerCode: 'ACME',
      customerName: 'ACME Spa',
      siteCode: 'S-ACME-1',
      siteName: 'ACME plant',
      assetCode: 'SN-ACME-1',
      assetName: 'Boiler 1',
      description: 'The boiler stops every hour.',
      conditionCodes: ['LEAK', 'FILTER-CLOGGED'],
      assignments: [
        {
          technicianCode: 'T-MI-1',
          technicianName: 'Marco Tecnico',
          start: '2026-11-27T08:00:00.000Z',
          end: '2026-11-27T10:00:00.000Z',
          durationMinutes: 120,
        },
      ],
      plannedStart: '2026-11-27T08:00:00.000Z',
      openedAt: '2026-11-26T15:00:00.000Z',
      updatedAt: '2026-11-26T16:00:00.000Z',
      version: 7,
      contact: { name: 'Giulia Verdi', phone: '+39 02 1234 567' },
      followUpRequestIds: [],
      reopenedCount: 0,
      allowedCommands: [],
      ...request,
    },
    conditions: [
      {
        code: 'LEAK',
        name: 'Water leak',
        description: 'Water under the boiler.',
        expectedMinutes: 45,
        requiredSkillCodes: ['HYDRAULICS'],
        materials: [{ itemCode: 'SEAL', quantity: 2 }],
        tools: ['Torque wrench'],
        correctiveActions: [
          {
            title: 'Replace the seal',
            steps: ['Close the water valve', 'Remove the old seal', 'Fit the new seal'],
            attachmentIds: ['9b1f0c7e-3f5a-4a8e-9d5c-1a2b3c4d5e6f'],
          },
        ],
      },
      {
        code: 'FILTER-CLOGGED',
        name: 'Clogged filter',
        expectedMinutes: 30,
        requiredSkillCodes: [],
        materials: [],
        tools: [],
        correctiveActions: [{ title: 'Replace the filter', steps: ['Swap the filter'], attachmentIds: [] }],
      },
    ],
    contract: {
      code: 'C-ACME',
      name: 'ACME full service',
      serviceLevel: { priority: 'high', responseMinutes: 240, restorationMinutes: 480 },
      includesLabour: true,
      includesMaterials: false,
      validTo: '2027-12-31',
    },
    site: {
      code: 'S-ACME-1',
      name: 'ACME plant',
      address: 'Via Roma 1, 20100 Milano',
      latitude: 45.4642,
      longitude: 9.19,
      accessNotes: 'Ring at gate B; ask for the caretaker.',
      contacts: [{ name: 'Paolo Neri', phone: '+39 333 1234567' }],
    },
    asset: {
      code: 'SN-ACME-1',
      name: 'Boiler 1',
      modelCode: 'BX-200',
      modelName: 'Boiler BX 200',
      configuration: { burner: 'gas', powerKw: 200, remoteControl: true },
    },
    previousInterventions: [
      {
        id: 'R0',
        reference: 'SR-R0',
        status: 'closed',
        source: 'desk',
        priority: 'normal',
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        description: 'Noisy pump.',
        conditionCodes: [],
        assignments: [],
        openedAt: '2026-03-01T09:00:00.000Z',
        updatedAt: '2026-03-02T12:00:00.000Z',
        closedAt: '2026-03-02T12:00:00.000Z',
        version: 9,
        closure: {
          at: '2026-03-02T12:00:00.000Z',
          estimate: { labourMinutes: 60, technicianCodes: ['T-MI-1'] },
          labourMinutes: 70,
          travelMinutes: 20,
          travelKm: 15,
          materials: [{ itemCode: 'BEARING', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
          correctiveActions: ['Replaced the pump bearing'],
          resolution: 'Bearing worn out, replaced.',
        },
      },
    ],
    attachments: [{ id: '9b1f0c7e-3f5a-4a8e-9d5c-1a2b3c4d5e6f', from: 'Boiler BX 200 manual' }],
    renounceReasons: [
      { code: 'ILL', label: 'Illness' },
      { code: 'NO-PARTS', label: 'Missing parts' },
    ],
  };
}
