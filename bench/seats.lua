-- wrk script for `wrk -tN -cN` (one connection a thread): thread k assigns a
-- seat of the pool $ROSTER_POOL of $ROSTER_ORG to the k-th member of
-- $ROSTER_USERS (ids separated by spaces), then removes it, and again, with
-- "Authorization: Bearer $ROSTER_TOKEN". Counts the statuses and prints
-- them as "Status codes: 201=N 204=M ..." after wrk's report.
local token = os.getenv("ROSTER_TOKEN")
local org = os.getenv("ROSTER_ORG")
local pool = os.getenv("ROSTER_POOL")
local users = {}
for u in string.gmatch(os.getenv("ROSTER_USERS") or "", "%S+") do
	users[#users + 1] = u
end
if not token or not org or not pool or #users == 0 then
	error("seats.lua: set ROSTER_TOKEN, ROSTER_ORG, ROSTER_POOL and ROSTER_USERS")
end

local threads = {}
local k = 0
function setup(thread)
	k = k + 1
	thread:set("user", users[(k - 1) % #users + 1])
	table.insert(threads, thread)
end

local base = "/api/v1/orgs/" .. org .. "/licenses/" .. pool .. "/seats"
local assign = true
local auth = "Bearer " .. token
statuses = {}

request = function()
	local r
	if assign then
		r = wrk.format("POST", base, {["Authorization"] = auth, ["Content-Type"] = "application/json"},
			'{"user_id":"' .. user .. '"}')
	else
		r = wrk.format("DELETE", base .. "/" .. user, {["Authorization"] = auth})
	end
	assign = not assign
	return r
end

function response(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
	local total = {}
	for _, t in ipairs(threads) do
		for code, n in pairs(t:get("statuses") or {}) do
			total[code] = (total[code] or 0) + n
		end
	end
	local parts = {}
	for code, n in pairs(total) do
		table.insert(parts, code .. "=" .. n)
	end
	table.sort(parts)
	io.write("Status codes: " .. table.concat(parts, " ") .. "\n")
end
