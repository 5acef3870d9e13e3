-- Rate-limit counters are written by almost every request and read back at once; losing
-- them costs nothing but a fresh window. Unlogged, an update writes no WAL, so its commit
-- does not wait for a disk flush while holding the counter row: requests sharing a key
-- (many fans behind one address) no longer queue on it at the speed of the disk. After a
-- crash PostgreSQL empties the table, which resets every window.
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
