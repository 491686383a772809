#!/bin/sh
# make po-check: only the catalogue test.
cd "$(dirname "$0")/.." && . tests/lib.sh && . tests/po.sh && [ $fail -eq 0 ]
