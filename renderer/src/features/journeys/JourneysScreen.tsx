import { JourneyList } from './JourneyList';
import { MapScreen } from './MapScreen';
import { PersonaPage } from './PersonaPage';
import './journeys.css';

/** `#/journeys` the maps and personas, `#/journeys/<id>` one map, `#/journeys/personas/<id>` one persona. */
export function JourneysScreen({ params }: { params: string[] }) {
  const [first, second] = params;
  if (first === 'personas' && second !== undefined) return <PersonaPage key={second} idParam={second} />;
  if (first !== undefined && first !== 'personas') return <MapScreen key={first} idParam={first} />;
  return <JourneyList />;
}
