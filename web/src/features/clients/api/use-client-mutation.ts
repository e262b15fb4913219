import type { ClientDetail } from '@contracts/clients.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clientQueryKey } from './get-client';
import { clientsQueryKey } from './get-clients';

/** Every change to a client answers with the whole client: the detail cache is replaced, lists refetch. */
export function useClientMutation<Input>(mutationFn: (input: Input) => Promise<ClientDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (client) => {
      queryClient.setQueryData(clientQueryKey(client.id), client);
      void queryClient.invalidateQueries({ queryKey: clientsQueryKey, exact: false, predicate: (query) => query.queryKey[1] !== 'detail' });
    },
  });
}
