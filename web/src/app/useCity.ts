import { useContext } from 'react';
import { CityContext, type City } from './CityProvider.tsx';

export function useCity(): City {
  return useContext(CityContext);
}
