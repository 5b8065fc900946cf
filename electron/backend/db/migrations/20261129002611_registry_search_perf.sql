-- Registry search on a large street (benchmark registry-search, 100,000 persons): a query of one
-- or two characters matches households by the start of their address through this index instead
-- of scanning every household (services/registry/search.ts).
CREATE INDEX IF NOT EXISTS `households_address_idx` ON `households` (`address`);
