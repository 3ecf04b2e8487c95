# The two commands of the README.
.PHONY: run test bench bench-size bench-finder bench-durability
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
bench:
	bash scripts/bench.sh
bench-size:
	bash scripts/bench-size.sh
bench-finder:
	bash scripts/bench-finder.sh
bench-durability:
	bash scripts/bench-durability.sh
