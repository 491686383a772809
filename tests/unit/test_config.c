/* Unit tests: the YAML reader and the configuration. */
#include "rules.h"

#include "../../core/yaml.h"
#include "fuhua/config.h"

static fh_status parse(const char *text, fh_error *err)
{
	fh_ynode *root;
	fh_status st = fh_yaml_parse("t.yaml", (const unsigned char *)text, strlen(text), &root, err);
	fh_ynode_free(&root);
	return st;
}

static void yaml_degenerate(void **s)
{
	(void)s;
	fh_error err;
	assert_int_equal(parse("", &err), FH_ECONFIG);
	assert_string_equal(err.message, "the file is empty");
	assert_int_equal(parse("a: [1, 2\nb: 3\n", &err), FH_ECONFIG);
	assert_true(err.line >= 1 && err.column >= 1);
	assert_string_equal(err.file, "t.yaml");
	assert_int_equal(parse("a: 1\n---\nb: 2\n", &err), FH_ECONFIG);
}

static void yaml_refuses_aliases_and_duplicates(void **s)
{
	(void)s;
	fh_error err;
	assert_int_equal(parse("a: &x [1]\nb: *x\n", &err), FH_ECONFIG);
	assert_non_null(strstr(err.message, "anchors"));
	assert_int_equal(parse("a: &a [*a]\n", &err), FH_ECONFIG);
	assert_int_equal(parse("name: a\nname: b\n", &err), FH_ECONFIG);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 1);
	assert_non_null(strstr(err.message, "duplicate key 'name'"));
}

static void yaml_depth_and_size_quickly(void **s)
{
	(void)s;
	fh_error err;
	size_t n = 100000;
	char *deep = malloc(n + 1);
	memset(deep, '[', n);
	deep[n] = 0;
	assert_int_equal(parse(deep, &err), FH_ECONFIG);
	assert_non_null(strstr(err.message, "nesting deeper"));
	free(deep);
	char *big = malloc(FH_YAML_MAX_BYTES + 2);
	memset(big, 'a', FH_YAML_MAX_BYTES + 1);
	big[FH_YAML_MAX_BYTES + 1] = 0;
	assert_int_equal(parse(big, &err), FH_ECONFIG);
	assert_non_null(strstr(err.message, "too large"));
	free(big);
	/* an alias bomb never expands: the first alias stops it */
	assert_int_equal(parse("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
			       "c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
			       &err),
			 FH_ECONFIG);
}

static void fixtures_load(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(fh_config_load(NULL, &cfg, &err), FH_EINVAL);
	assert_int_equal(fh_config_load("/nonexistent", &cfg, &err), FH_ECONFIG);
	assert_int_equal(fh_config_load(FIXTURES, &cfg, &err), FH_OK);
	assert_true(fh_config_hub_count(cfg) >= 7);
	const fh_hub_def *root = fh_config_hub(cfg, 0);
	assert_int_equal(root->level, FH_LEVEL_CITY);
	assert_null(root->parent);
	const fh_hub_def *ja = fh_config_find_hub(cfg, "ja");
	assert_non_null(ja);
	assert_string_equal(ja->name, "静安区社会组织孵化园");
	assert_string_equal(ja->short_name, "静安区");
	/* the hub's override wins over its level's value */
	assert_int_equal(ja->rules.space.free_period_months, 36);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_DISTRICT)->space.free_period_months, 36);
	const fh_hub_def *mh = fh_config_find_hub(cfg, "mh");
	double area = 0;
	for (size_t i = 0; i < mh->nspaces; i++)
		area += mh->spaces[i].area;
	assert_true(area > 900 && area < 1100);
	const fh_hub_def *dn = fh_config_find_hub(cfg, "ja-dn");
	assert_int_equal(dn->rules.operator.idle_lock_minutes, 10);
	assert_int_equal(fh_config_find_hub(cfg, "ja-gh")->rules.operator.idle_lock_minutes, 5);
	assert_true(dn->rules.milestone.norg > 0 && dn->rules.milestone.nparty > 0);
	fh_config_free(&cfg);
	assert_null(cfg);
}

static void names_round_trip(void **s)
{
	(void)s;
	for (int l = 0; l < FH_LEVEL_COUNT; l++) {
		fh_level back;
		assert_true(fh_level_parse(fh_level_name((fh_level)l), &back));
		assert_int_equal(back, l);
	}
	fh_stage st;
	assert_false(fh_stage_parse("incubated", &st));
	assert_null(fh_level_name(FH_LEVEL_COUNT));
}

/* A space type out of range has no name; nothing parses as one, and the
 * output is kept; every type and stage goes and comes back. */
static void space_types_and_stages(void **s)
{
	(void)s;
	fh_space_type t = FH_SPACE_DESK;
	assert_null(fh_space_type_name(FH_SPACE_TYPE_COUNT));
	assert_false(fh_space_type_parse("", &t));
	assert_false(fh_space_type_parse(NULL, &t));
	assert_int_equal(t, FH_SPACE_DESK);
	for (int i = 0; i < FH_SPACE_TYPE_COUNT; i++) {
		assert_true(fh_space_type_parse(fh_space_type_name((fh_space_type)i), &t));
		assert_int_equal(t, i);
	}
	assert_null(fh_stage_name(FH_STAGE_COUNT));
	for (int i = 0; i < FH_STAGE_COUNT; i++) {
		fh_stage g;
		assert_true(fh_stage_parse(fh_stage_name((fh_stage)i), &g));
		assert_int_equal(g, i);
	}
}

/* A hub's short name: its name when its file gives none; at most 12
 * characters. */
static void short_names(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	assert_string_equal(fh_config_find_hub(cfg, "c")->short_name, "测试市");
	fh_config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(space_types_and_stages),
		cmocka_unit_test(yaml_degenerate),
		cmocka_unit_test(yaml_refuses_aliases_and_duplicates),
		cmocka_unit_test(yaml_depth_and_size_quickly),
		cmocka_unit_test(fixtures_load),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(short_names),
	};
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
