"""The pages, one module each: `site` (landing, robots, health), `wizard`, `reports` (a report
behind its link), `sharing` (the owner's control of the link, forks) and `quotes`."""
