/**
 * The readout keys of the public contract (docs/ARCHITECTURE.md), written out here on purpose:
 * tests check the code against the contract, not against the code's own list.
 */
export const CONTRACT_READOUT_KEYS = [
  'rackCount',
  'gpuCount',
  'itDesignMw',
  'itAverageMw',
  'facilityPeakMw',
  'facilityAverageMw',
  'pueAnnual',
  'puePeak',
  'coolingDesignMwTh',
  'freeCoolingHours',
  'waterM3PerYear',
  'wueLPerKwh',
  'energyGwhPerYear',
  'co2TonnesPerYear',
  'cueKgPerKwh',
  'renewableShare',
  'unservedMwhPerYear',
  'computeBf16Pflops',
  'buildingFloorM2',
  'siteAreaHa',
] as const
