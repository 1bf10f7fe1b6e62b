ALTER TABLE `mobile_box_requests` ADD `received_on` text;--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `incoming_number` text;--> statement-breakpoint
ALTER TABLE `mobile_box_requests` ADD `entered_after_handover` integer DEFAULT false NOT NULL;