-- wrk script: GET the members of $ROSTER_ORG searched by a prefix drawn from
-- a fixed list (names and emails of the seeded organization), 50 a page,
-- with "Authorization: Bearer $ROSTER_TOKEN".
local token = os.getenv("ROSTER_TOKEN")
local org = os.getenv("ROSTER_ORG")
if not token or not org then
	error("search.lua: set ROSTER_TOKEN and ROSTER_ORG")
end
local prefixes = {"mar", "zo", "hug", "schm", "le", "emma", "ju", "fisch", "ines", "paul%20m", "ben", "lina.k",
	"tho", "an", "cl", "wag", "mo", "roux", "fel", "so"}
local n = 0
wrk.headers["Authorization"] = "Bearer " .. token
request = function()
	n = n + 1
	local q = prefixes[(n % #prefixes) + 1]
	return wrk.format("GET", "/api/v1/orgs/" .. org .. "/members?limit=50&q=" .. q)
end
