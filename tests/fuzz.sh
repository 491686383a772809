# fuhua tests — a short run of each libFuzzer target (make fuzz runs them
# long): 20 seconds each from the seeds, when clang was there to build them.
if [ -n "${FUZZ_DIR:-}" ] && [ -x "$FUZZ_DIR/fuzz_config" ] && [ -x "$FUZZ_DIR/fuzz_import" ]; then
	out=$(./tests/fuzz/run.sh "$FUZZ_DIR" "${FUZZ_TEST_SECONDS:-20}")
	rc=$?
	printf '%s\n' "$out"
	check "fuzz: the configuration loader and the CSV importer, 20 s each, no finding" [ $rc -eq 0 ]
else
	echo "# fuzz: skipped (no clang with libFuzzer; apt-get install clang)"
fi
