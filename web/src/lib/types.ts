// Shapes of visitd's API answers, named for the app. Every one comes from the contract
// (docs/openapi.yaml) through the generated api.gen.ts: change the document, run
// `npm run api-types`, and the compiler shows every place the change reaches.
import type { components } from './api.gen';

type Schemas = components['schemas'];

export type Question = Schemas['Question'];
export type QuestionKind = Question['kind'];
export type Service = Schemas['Service'];
export type ProviderRef = Schemas['ProviderRef'];
export type PublicBusiness = Schemas['PublicBusiness'];
export type Consumer = Schemas['Consumer'];
export type BookingStatus = Schemas['BookingStatus'];
export type HistoryEntry = Schemas['HistoryEntry'];
/** A booking as its consumer sees it (public and manage-link answers). */
export type Booking = Schemas['Booking'];
/** A booking as staff see it: service and provider by id, with history. */
export type StaffBooking = Schemas['StaffBooking'];
export type MovedStaffBooking = Schemas['MovedStaffBooking'];
export type BookingCreated = Schemas['BookingWithLinks'];
export type ManageView = Schemas['ManageView'];
export type Role = Schemas['Role'];
export type Membership = Schemas['Membership'];
export type Me = Schemas['Me'];
export type TimeRange = Schemas['TimeRange'];
export type WeeklyRange = Schemas['WeeklyRange'];
export type Override = Schemas['Override'];
export type TimeOff = Schemas['TimeOff'];
export type Provider = Schemas['Provider'];
export type ProviderDetail = Schemas['ProviderDetail'];
export type WeeklyHours = Schemas['WeeklyHours'];
export type Rules = Schemas['Rules'];
export type BusinessSettings = Schemas['Business'];
export type StaffMember = Schemas['StaffMember'];
export type AuditEntry = Schemas['AuditEntry'];
export type Insights = Schemas['Insights']; // k-insights
export type Slot = Schemas['Slot'];
export type SlotsResponse = Schemas['Slots'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type Profile = Schemas['Profile'];
export type Price = Schemas['Price'];
export type OutboxMessage = Schemas['OutboxMessage'];
export type BookingMessages = Schemas['BookingMessages'];
export type MessageTemplate = Schemas['MessageTemplate'];
export type JoinAnswer = Schemas['JoinAnswer'];
export type RoomPreview = Schemas['RoomPreview'];
export type IceServer = Schemas['IceServer'];
export type ChatMessage = Schemas['ChatMessage'];
export type ChatPage = Schemas['ChatPage'];
// webhooks (issue I)
export type Webhook = Schemas['Webhook'];
export type CreatedWebhook = Schemas['CreatedWebhook'];
export type WebhookEventType = Schemas['WebhookEventType'];
export type WebhookDelivery = Schemas['WebhookDelivery'];

/** Every list answer is `{items, ...}`; the paged ones add total, limit and offset. */
export interface Page<T> {
  items: T[];
  total?: number;
  limit?: number;
  offset?: number;
}

// Calendars (issue I)
export type CalendarFeed = Schemas['CalendarFeed'];
export type IssuedCalendarFeed = Schemas['IssuedCalendarFeed'];
export type ExternalCalendar = Schemas['ExternalCalendar'];
