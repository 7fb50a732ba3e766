-- A room's id is a booking's or an external room's id (issue I), as SQLite's 0016: the room
-- record loses its foreign key to bookings; the store checks that the room exists.
ALTER TABLE rooms DROP CONSTRAINT IF EXISTS rooms_booking_id_fkey;
