-- wrk script: POST /api/v1/auth/login with {email, password} from
-- $ROSTER_EMAIL and $ROSTER_PASSWORD (a correct pair: only failed logins
-- are throttled).
local email = os.getenv("ROSTER_EMAIL")
local password = os.getenv("ROSTER_PASSWORD")
if not email or not password then
	error("login.lua: set ROSTER_EMAIL and ROSTER_PASSWORD")
end
local function quote(s)
	return '"' .. s:gsub('[%c"\\]', function(c)
		return string.format("\\u%04x", c:byte())
	end) .. '"'
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":' .. quote(email) .. ',"password":' .. quote(password) .. '}'

-- Count the statuses (a refused login is 401, 429 or 503) and print them as
-- "Status codes: 200=N 503=M" after wrk's report.
local threads = {}
statuses = {}

function setup(thread)
	table.insert(threads, thread)
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
