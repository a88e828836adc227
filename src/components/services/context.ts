import { createContext, useContext } from 'react';
import type { WizardServices } from './types.js';

const ServicesContext = createContext<WizardServices | undefined>(undefined);

export const ServicesProvider = ServicesContext.Provider;

export function useServices(): WizardServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesProvider> above it');
  return services;
}
