// Every booking in a range, page by page (the API answers at most 200 at a time), so a
// busy month is never cut off without saying so.
import { api, query } from '../lib/api';
import type { StaffBooking, Page } from '../lib/types';

const kPage = 200;
const kMaxPages = 50; // 10,000 appointments: beyond this the page says how many it shows

export interface AllBookings {
  items: StaffBooking[];
  total: number;
}

export async function fetchAllBookings(biz: string, params: Record<string, string | undefined>): Promise<AllBookings> {
  const items: StaffBooking[] = [];
  let total = 0;
  for (let page = 0; page < kMaxPages; page++) {
    const r = await api<Page<StaffBooking>>('GET', `${biz}/bookings${query({ ...params, limit: kPage, offset: page * kPage })}`);
    items.push(...r.items);
    total = r.total ?? items.length;
    if (r.items.length < kPage || items.length >= total) break;
  }
  return { items, total: Math.max(total, items.length) };
}
