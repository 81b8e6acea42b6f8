-- wrk script: the search API answering the PostGIS peer's question (../shared/bench/peers/pgbench-knn.sql): the 10
-- nearest places offering the v1 service that "Prendre en main un ordinateur" maps to, from a random point in the
-- mainland-France box, as far as the search goes.
-- Usage: wrk -t2 -c8 -d20s -s Benchmarks/http/search-random-points.lua http://127.0.0.1:8080
math.randomseed(42)
local service = "Ma%C3%AEtrise%20des%20outils%20num%C3%A9riques%20du%20quotidien"
request = function()
  local lat = 42.4 + math.random() * 8.6
  local lon = -4.7 + math.random() * 12.9
  local path = string.format("/api/v1/recherche?lat=%.6f&lon=%.6f&services=%s&rayon_km=100&per_page=10", lat, lon, service)
  return wrk.format("GET", path)
end
