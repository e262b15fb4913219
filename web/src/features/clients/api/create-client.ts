import type { ClientDetail, CreateClientInput } from '@contracts/clients.contracts';
import { api } from '@/lib/api-client';
import { useClientMutation } from './use-client-mutation';

export const createClient = (input: CreateClientInput) => api.post<ClientDetail>('/clients', input);

export const useCreateClient = () => useClientMutation(createClient);
