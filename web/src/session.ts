import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, unwrap, type Session } from './api/client';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when nobody is signed in (the API answers 401). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await unwrap(api.GET('/v1/session'));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      unwrap(api.POST('/v1/session', { body })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/session')).catch(() => null),
    onSettled: () => {
      setCsrfToken('');
      queryClient.setQueryData(SESSION_KEY, null);
      // Nothing of the signed-in user stays in memory.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}

export type Permission = Session['permissions'][number];

/** Whether the signed-in user's role may do `permission`: the portal offers nothing else. */
export function useCan(): (permission: Permission) => boolean {
  const session = useSession();
  const permissions = session.data?.permissions ?? [];
  return (permission) => permissions.includes(permission);
}

/** Whether the signed-in user must replace a temporary password before doing anything else. */
export function useMustChangePassword(): boolean {
  return useSession().data?.user.mustChangePassword === true;
}
