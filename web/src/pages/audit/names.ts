import { useQuery } from '@tanstack/react-query';
import { customerQuery as sharedCustomerQuery } from '../../lib/customers';

/** A customer read for its name is kept a minute: names rarely change. */
function customerQuery(customerId: string) {
  return { ...sharedCustomerQuery(customerId), staleTime: 60_000 };
}

export function useCustomerName(customerId: string): string | undefined {
  const customer = useQuery({ ...customerQuery(customerId), enabled: customerId !== '' });
  return customerId === '' ? undefined : customer.data?.companyName;
}
