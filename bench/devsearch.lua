-- wrk script: GET the devices of $ROSTER_ORG searched by a device-code
-- prefix ($ROSTER_PREFIX followed by four of the five digits: ten devices
-- each), 50 a page, with "Authorization: Bearer $ROSTER_TOKEN".
local token = os.getenv("ROSTER_TOKEN")
local org = os.getenv("ROSTER_ORG")
local prefix = os.getenv("ROSTER_PREFIX")
if not token or not org or not prefix then
	error("devsearch.lua: set ROSTER_TOKEN, ROSTER_ORG and ROSTER_PREFIX")
end
local n = 0
wrk.headers["Authorization"] = "Bearer " .. token
request = function()
	n = n + 1
	-- 0123, 0960, 0797 ...: twenty prefixes across the range
	local q = string.format("%s%04d", prefix, (123 + 837 * (n % 20)) % 1000)
	return wrk.format("GET", "/api/v1/orgs/" .. org .. "/devices?limit=50&q=" .. q)
end
