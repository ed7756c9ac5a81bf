"""The pages, one module each: `site` (landing, robots, health), `wizard`, `reports` (a report
behind its link), `rfq` (its request for quotation, and the link for factories), `sharing`
(the owner's control of the link, forks) and `quotes`."""
