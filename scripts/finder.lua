-- wrk script: GET /groups?postcode=<random PC4 from the data file>
local postcodes = {}
for line in io.lines("data/nl-pc4.csv") do
  local pc = line:match("^(%d%d%d%d),")
  if pc then postcodes[#postcodes + 1] = pc end
end
math.randomseed(7607)
request = function()
  return wrk.format("GET", "/groups?postcode=" .. postcodes[math.random(#postcodes)])
end
