-- wrk script: every request carries "Authorization: Bearer $ROSTER_TOKEN".
local token = os.getenv("ROSTER_TOKEN")
if token == nil or token == "" then
	error("bearer.lua: set ROSTER_TOKEN")
end
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. token
