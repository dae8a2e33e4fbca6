-- Which side of an attendance a person corrected (PATCH), so Odoo is told it was entered by hand
-- (in_mode / out_mode 'manual') rather than punched at a kiosk.
ALTER TABLE attendance ADD COLUMN check_in_corrected BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE attendance ADD COLUMN check_out_corrected BOOLEAN DEFAULT FALSE NOT NULL;
