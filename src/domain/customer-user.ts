/**
 * A person of the customer who uses its subscriptions: a license of a subscription is assigned to
 * them, and the vendor's services ask the entitlement check whether they may use an offer now.
 * Administrators keep access to their data while a subscription is suspended (the seed).
 */
export interface CustomerUser {
  id: string;
  partnerId: string;
  customerId: string;
  /** Trimmed and lower-cased; unique within the customer. */
  email: string;
  displayName: string;
  isAdmin: boolean;
  createdAt: Date;
}

/** Emails compare case-insensitively, without surrounding spaces. */
export function normalizeCustomerUserEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A license of a subscription held by one customer user. */
export interface LicenseAssignment {
  subscriptionId: string;
  customerUserId: string;
  assignedAt: Date;
}

/** A license together with the user holding it. */
export interface AssignedUser {
  assignment: LicenseAssignment;
  user: CustomerUser;
}
