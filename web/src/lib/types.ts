// Shapes of visitd's API answers (see docs/openapi.yaml).

export type QuestionKind = 'shortText' | 'longText' | 'singleChoice';

export interface Question {
  key: string;
  label: string;
  kind: QuestionKind;
  required: boolean;
  choices: string[];
}

export interface Service {
  id: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  bookingWindowDays: number;
  slotIntervalMinutes: number;
  maxPerDay?: number;
  providerIds: string[];
  questions: Question[];
}

export interface ProviderRef {
  id: string;
  name: string;
  timeZone: string;
}

export interface PublicBusiness {
  slug: string;
  name: string;
  timeZone: string;
  services: Service[];
  providers: ProviderRef[];
}

export interface Consumer {
  name: string;
  email: string;
  phone: string;
  timeZone: string;
}

export type BookingStatus = 'confirmed' | 'cancelled' | 'completed' | 'noShow';

export interface HistoryEntry {
  at: string;
  action: string;
  actor: string;
  fromStart?: string;
  toStart?: string;
  reason?: string;
}

export interface Booking {
  id: string;
  status: BookingStatus;
  start: string;
  end: string;
  service?: { id: string; name: string };
  provider?: { id: string; name: string };
  serviceId?: string;
  providerId?: string;
  consumer: Consumer;
  answers: Record<string, string>;
  cancelReason?: string;
  history?: HistoryEntry[];
}

export interface BookingCreated {
  booking: Booking;
  manageUrl: string;
  joinUrl: string;
}

export interface ManageView {
  booking: Booking;
  business: { slug: string; name: string; timeZone: string };
  policy: {
    canCancel: boolean;
    canReschedule: boolean;
    cancelCutoffHours: number;
    rescheduleCutoffHours: number;
    cancelDeadline: string;
    rescheduleDeadline: string;
  };
  joinUrl?: string;
}

export type Role = 'owner' | 'manager' | 'provider';

export interface Membership {
  businessId: string;
  businessName: string;
  slug: string;
  role: Role;
}

export interface Me {
  user: { id: string; email: string; name: string };
  memberships: Membership[];
  csrfToken: string;
}

export interface TimeRange {
  start: string;
  end: string;
}

export interface WeeklyRange extends TimeRange {
  weekday: number;
}

export interface Override {
  id: string;
  date: string;
  ranges: TimeRange[];
}

export interface TimeOff {
  id: string;
  start: string;
  end: string;
  reason: string;
}

export interface Provider extends ProviderRef {
  userId: string | null;
  weekly?: WeeklyRange[];
  overrides?: Override[];
  timeOff?: TimeOff[];
}

export interface Rules {
  cancelCutoffHours: number;
  rescheduleCutoffHours: number;
  reminderOffsetsMinutes: number[];
}

export interface BusinessSettings {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  rules: Rules;
}

export interface StaffMember {
  user: { id: string; email: string; name: string };
  role: Role;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
  actorName: string | null; // the user's or token's name, looked up now
  targetName: string | null; // the client of a booking, a provider's or service's name...
}

export interface Page<T> {
  items: T[];
  total?: number;
  limit?: number;
  offset?: number;
}
