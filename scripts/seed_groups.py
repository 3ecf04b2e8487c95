#!/usr/bin/env python3
"""Prints SQL that adds N active groups spread over the country (as examples/seed_groups.rs
does, without building it) and raises the finder's version: `seed_groups.py N | psql ...`.
The database must be migrated already (start the server once)."""
import csv
import sys

n = int(sys.argv[1])
places = []
with open("data/nl-pc4.csv", newline="") as f:
    for row in csv.reader(f):
        if row and row[0].isdigit():
            places.append((int(row[0]), float(row[1]), float(row[2]), row[4]))
places.sort()
print("BEGIN;")
batch = []
for i in range(n):
    pc4, lat, lon, municipality = places[i % len(places)]
    shift = (i // len(places)) * 0.001
    batch.append(
        "('bench%06d', 'Benchmarkgroep %d', '%s', 'Benchmark', '%04d', %.6f, %.6f, %d, 600, "
        "'weekly', 4, 12, 'nl', %d, %d, 0, 0, 1, 'Bench', 0)"
        % (i, i, municipality.replace("'", "''"), pc4, lat + shift, lon - shift, i % 7 + 1,
           int(i % 2 == 0), int(i % 3 == 0))
    )
    if len(batch) == 1000 or i == n - 1:
        print("INSERT INTO peer_groups (id, name, municipality, address, pc4, lat, lon, weekday, "
              "start_minute, rhythm, age_min, age_max, languages, children_welcome, childcare, "
              "cost_cents, online, active, facilitator_name, created_at) VALUES")
        print(",\n".join(batch) + ";")
        batch = []
print("UPDATE finder_version SET version = version + 1 WHERE id = 1;")
print("COMMIT;")
