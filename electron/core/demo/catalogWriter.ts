// Writes the fixed catalogue (personas, the journey map, the demo's settings row) and returns the
// ids the per-account generators link to.

import { JOURNEY, PERSONAS, type TouchpointKind } from './catalog';
import type { Sink, TableName } from './rows';
import { iso } from './time';

export interface CatalogIds {
  personaIds: number[];
  journeyLinks: Partial<Record<TouchpointKind, number>>;
}

export function writeCatalog(sink: Sink, id: (table: TableName) => number, createdAt: number): CatalogIds {
  const stamp = iso(createdAt);
  const personaIds = PERSONAS.map((persona) => {
    const personaId = id('personas');
    sink.personas([personaId, persona.name, persona.description, JSON.stringify(persona.preferences), stamp, stamp]);
    return personaId;
  });

  const mapId = id('journey_maps');
  const personaId = personaIds[PERSONAS.findIndex((persona) => persona.name === JOURNEY.persona)]!;
  sink.journey_maps([mapId, personaId, JOURNEY.name, JOURNEY.description, stamp, stamp]);
  const journeyLinks: CatalogIds['journeyLinks'] = {};
  JOURNEY.stages.forEach((stage, stagePosition) => {
    const stageId = id('journey_stages');
    sink.journey_stages([stageId, mapId, stagePosition + 1, stage.name, stage.description, stamp, stamp]);
    stage.touchpoints.forEach((touchpoint, position) => {
      const touchpointId = id('journey_touchpoints');
      const { target } = touchpoint;
      sink.journey_touchpoints([
        touchpointId,
        stageId,
        position + 1,
        touchpoint.name,
        touchpoint.channel,
        touchpoint.ownerTeam,
        touchpoint.lane,
        touchpoint.momentOfTruth ? 1 : 0,
        touchpoint.idealExperience,
        target?.metric ?? null,
        target?.operator ?? null,
        target?.value ?? null,
        JSON.stringify(touchpoint.matchRule ?? {}),
        stamp,
        stamp,
      ]);
      if (touchpoint.links) journeyLinks[touchpoint.links] = touchpointId;
    });
  });
  return { personaIds, journeyLinks };
}
