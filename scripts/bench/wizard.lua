-- A wizard step cycle: each connection alternates a GET of the step and a valid POST of it.
-- Arguments: the step's path and the form body (with the CSRF token the cookie holds).
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local step_path, body
local counter = 0

init = function(args)
  step_path, body = args[1], args[2]
end

request = function()
  counter = counter + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  if counter % 2 == 1 then
    return wrk.format("GET", step_path, headers)
  end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", step_path, headers, body)
end
