-- migrate:up
-- "My bills" tells a person when a new bill appears for a saved code, besides the reminder
-- before its due date: each kind of notice once per bill. Bills seen when the code was
-- saved count as known ('new' claimed then), so saving a code never announces them.
ALTER TABLE payment_bill_reminders ADD COLUMN kind text NOT NULL DEFAULT 'due' CHECK (kind IN ('new', 'due'));
ALTER TABLE payment_bill_reminders DROP CONSTRAINT payment_bill_reminders_pkey;
ALTER TABLE payment_bill_reminders ADD PRIMARY KEY (saved_bill_id, bill_id, kind);

-- migrate:down
DELETE FROM payment_bill_reminders WHERE kind = 'new';
ALTER TABLE payment_bill_reminders DROP CONSTRAINT payment_bill_reminders_pkey;
ALTER TABLE payment_bill_reminders ADD PRIMARY KEY (saved_bill_id, bill_id);
ALTER TABLE payment_bill_reminders DROP COLUMN kind;
