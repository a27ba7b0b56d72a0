/**
 * A small organisation for the service-request command tests: two centres (Milan, Rome) with a
 * zone each, technicians (one retired from duty), a customer in each zone, a van with stock.
 */
export const SERVICE_REQUEST_ORGANISATION: [plural: string, code: string, fields: Record<string, unknown>][] =
  [
    ['units', 'HQ', { name: 'Head office', type: 'head-office', country: 'IT', timeZone: 'Europe/Rome' }],
    [
      'units',
      'MI',
      { name: 'Milano', type: 'service-centre', parentCode: 'HQ', country: 'IT', timeZone: 'Europe/Rome' },
    ],
    [
      'units',
      'RM',
      { name: 'Roma', type: 'service-centre', parentCode: 'HQ', country: 'IT', timeZone: 'Europe/Rome' },
    ],
    ['zones', 'Z-MI', { name: 'Milano città', unitCode: 'MI', postalCodes: ['201*'] }],
    ['zones', 'Z-RM', { name: 'Roma città', unitCode: 'RM', postalCodes: ['001*'] }],
    ['technicians', 'T-MI-1', { name: 'Mario Rossi', unitCode: 'MI' }],
    ['technicians', 'T-MI-2', { name: 'Luca Verdi', unitCode: 'MI' }],
    ['technicians', 'T-RM-1', { name: 'Giulia Bianchi', unitCode: 'RM' }],
    ['technicians', 'T-OFF', { name: 'Off duty', unitCode: 'MI', active: false }],
    ['asset-models', 'BOILER-X', { name: 'Boiler X 24kW', manufacturer: 'Caldo', family: 'boilers' }],
    ['customers', 'ACME', { name: 'ACME S.p.A.' }],
    ['customers', 'BETA', { name: 'Beta Banca' }],
    [
      'sites',
      'S-ACME-1',
      {
        name: 'ACME Milano',
        customerCode: 'ACME',
        address: { city: 'Milano', postalCode: '20123', country: 'IT' },
        zoneCode: 'Z-MI',
        timeZone: 'Europe/Rome',
        contacts: [{ name: 'Anna Neri', phone: '+39 02 1234567' }],
      },
    ],
    [
      'sites',
      'S-BETA-1',
      {
        name: 'Beta filiale Roma',
        customerCode: 'BETA',
        address: { city: 'Roma', postalCode: '00186', country: 'IT' },
        zoneCode: 'Z-RM',
        timeZone: 'Europe/Rome',
      },
    ],
    [
      'assets',
      'SN-ACME-1',
      { modelCode: 'BOILER-X', siteCode: 'S-ACME-1', customerCode: 'ACME', ownership: 'customer' },
    ],
    [
      'assets',
      'SN-ACME-2',
      { modelCode: 'BOILER-X', siteCode: 'S-ACME-1', customerCode: 'ACME', ownership: 'customer' },
    ],
    [
      'assets',
      'SN-BETA-1',
      { modelCode: 'BOILER-X', siteCode: 'S-BETA-1', customerCode: 'BETA', ownership: 'loan' },
    ],
    [
      'conditions',
      'LEAK',
      { name: 'Water leak', category: 'fault', precision: 'generic', expectedMinutes: 60 },
    ],
    [
      'conditions',
      'NO-IGNITION',
      { name: 'Does not ignite', category: 'fault', precision: 'generic', expectedMinutes: 90 },
    ],
    ['items', 'FILTER', { name: 'Air filter' }],
    ['items', 'OIL', { name: 'Pump oil', category: 'consumable', unitOfMeasure: 'litre' }],
    [
      'warehouses',
      'VAN-T-MI-1',
      { name: 'Van of Rossi', type: 'van', unitCode: 'MI', technicianCode: 'T-MI-1' },
    ],
  ];
