-- Wake the outbox relay of a domain as soon as a transaction that wrote an event commits.
-- NOTIFY is delivered at commit, so the relay never sees an event before its change exists.
CREATE OR REPLACE FUNCTION public.attendant_notify_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('attendant_outbox', TG_TABLE_SCHEMA);
  RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON "operations"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION public.attendant_notify_outbox();
CREATE TRIGGER outbox_notify AFTER INSERT ON "guests"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION public.attendant_notify_outbox();
CREATE TRIGGER outbox_notify AFTER INSERT ON "finance"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION public.attendant_notify_outbox();
CREATE TRIGGER outbox_notify AFTER INSERT ON "communications"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION public.attendant_notify_outbox();
CREATE TRIGGER outbox_notify AFTER INSERT ON "analytics"."outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION public.attendant_notify_outbox();

