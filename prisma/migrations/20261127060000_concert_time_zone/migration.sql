-- Show times are the venue's local time: each concert names its venue's IANA time zone,
-- so every page renders the same wall-clock time on the server and in any browser.
ALTER TABLE "concerts" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'Asia/Seoul';
