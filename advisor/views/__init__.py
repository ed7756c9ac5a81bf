"""The pages, one module each: `site` (landing, robots, health), `wizard`, `reports` (a report
behind its link), `rfq` (its request for quotation, and the link for factories), `sharing`
(the owner's control of the link, forks), `quotes`, and `owners` (the owner's reports, the
owner's link and the browsers that share them)."""
