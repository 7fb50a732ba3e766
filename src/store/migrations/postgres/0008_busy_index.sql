-- Slot search and the booking collision check read a provider's confirmed bookings with
-- block_start bounded on both sides (from - core::kMaxBlockLength, to) and block_end > from.
-- This index answers that range and holds every column the slot engine reads (an index-only
-- scan once the visibility map is set). It replaces bookings_by_provider_block.
CREATE INDEX bookings_busy ON bookings(provider_id, status, block_start)
  INCLUDE (block_end, start_at, end_at, service_id, id);
DROP INDEX bookings_by_provider_block;
