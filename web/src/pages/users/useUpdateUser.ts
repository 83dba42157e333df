import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { USERS_KEY, type User, type UserPatch } from './model';

/** Changes one user; the list (and the header, for oneself) shows the result. */
export function useUpdateUser(user: User, self: boolean, onUpdated: (updated: User) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserPatch) =>
      unwrap(
        api.PATCH('/v1/users/{userId}', {
          params: { path: { userId: user.id } },
          body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: async (updated) => {
      onUpdated(updated);
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      if (self) await queryClient.invalidateQueries({ queryKey: ['session'] });
    },
  });
}
