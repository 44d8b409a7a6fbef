-- wrk script: GET /api/v1/device/license, each request with the next device
-- token of the file $ROSTER_TOKENS (one a line), so that the requests spread
-- over every device; the threads start at different places of the file.
local path = os.getenv("ROSTER_TOKENS")
if not path then
	error("devlicense.lua: set ROSTER_TOKENS")
end
local threads = 0
function setup(thread)
	thread:set("offset", threads)
	threads = threads + 1
end

local tokens = {}
local i = 0
function init(args)
	for line in io.lines(path) do
		if #line > 0 then
			tokens[#tokens + 1] = "Bearer " .. line
		end
	end
	if #tokens == 0 then
		error("devlicense.lua: no tokens in " .. path)
	end
	i = math.floor((offset or 0) * #tokens / 7) % #tokens
end

request = function()
	i = i % #tokens + 1
	return wrk.format("GET", "/api/v1/device/license", {["Authorization"] = tokens[i]})
end
