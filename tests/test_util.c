/* The small tools under the model: buffer, map, folding, distance. */
#include <stdio.h>

#include "testutil.h"
#include "internal.h"

static void test_buf(void **state)
{
	sg_buf b = SG_BUF_INIT;

	(void)state;
	assert_string_equal(sg_buf_str(&b), "");
	assert_int_equal(sg_buf_adds(&b, "abc"), 0);
	assert_int_equal(sg_buf_addf(&b, "-%d-%s", 42, "x"), 0);
	assert_string_equal(sg_buf_str(&b), "abc-42-x");
	assert_int_equal(b.len, 8);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(sg_buf_add(&b, "0123456789", 10), 0);
	assert_int_equal(b.len, 10008);
	assert_int_equal(b.buf[b.len], '\0');
	sg_buf_reset(&b);
	assert_string_equal(sg_buf_str(&b), "");
	sg_buf_release(&b);
	assert_null(b.buf);
}

/* Each character of s, as sg_utf8_next reads it, into out; how many. */
static size_t chars(const char *s, uint32_t *out)
{
	size_t n = 0;

	while (*s)
		out[n++] = sg_utf8_next(&s);
	return n;
}

static void test_utf8(void **state)
{
	uint32_t c[8];

	(void)state;
	assert_int_equal(chars("a\xC3\xBC\xE2\x82\xAC\xF0\x9F\x98\x80", c), 4);
	assert_int_equal(c[0], 'a');
	assert_int_equal(c[1], 0xFC);
	assert_int_equal(c[2], 0x20AC);
	assert_int_equal(c[3], 0x1F600);
	assert_int_equal(chars("\xEF\xBF\xBF\xF4\x8F\xBF\xBE", c), 2);
	assert_int_equal(c[0], 0xFFFF); /* noncharacters are characters */
	assert_int_equal(c[1], 0x10FFFE);
	/* a stray byte, an overlong '/', a surrogate, past U+10FFFF, a cut
	 * sequence: no character, and the next byte read on its own */
	assert_int_equal(chars("\x80", c), 1);
	assert_int_equal(c[0], SG_NOT_CHAR);
	assert_int_equal(chars("\xC0\xAF", c), 2);
	assert_int_equal(c[0], SG_NOT_CHAR);
	assert_int_equal(chars("\xED\xA0\x80", c), 3);
	assert_int_equal(c[0], SG_NOT_CHAR);
	assert_int_equal(chars("\xF4\x90\x80\x80", c), 4);
	assert_int_equal(c[0], SG_NOT_CHAR);
	assert_int_equal(chars("\xE2\x82z", c), 3);
	assert_int_equal(c[0], SG_NOT_CHAR);
	assert_int_equal(c[2], 'z');
}

static int count(uint32_t value, void *data)
{
	*(uint32_t *)data += value;
	return 0;
}

static void test_map(void **state)
{
	sg_map m = { 0 };
	char keys[3000][8];
	uint32_t sum = 0;

	(void)state;
	assert_int_equal(sg_map_get(&m, "none"), -1);
	for (int i = 0; i < 3000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		assert_int_equal(sg_map_add(&m, keys[i], (uint32_t)i), 0);
	}
	for (int i = 0; i < 3000; i++)
		assert_int_equal(sg_map_get(&m, keys[i]), i);
	assert_int_equal(sg_map_get(&m, "k3000"), -1);
	/* a key added twice keeps both values */
	assert_int_equal(sg_map_add(&m, keys[7], 100), 0);
	sg_map_each(&m, "k7", count, &sum);
	assert_int_equal(sum, 107);
	sg_map_release(&m);
}

/* The values of a key, in the order visited. */
struct seen {
	uint32_t n, in_order;
};

static int in_order(uint32_t value, void *data)
{
	struct seen *s = data;

	s->in_order &= value == s->n++;
	return 0;
}

/* Equal keys take one slot between them: as a slot each, they filled a run
 * that every add and lookup walked (40,000 entities of one name: seconds,
 * quadratic). Counting slots holds it linear without timing anything. */
static void test_map_equal_keys(void **state)
{
	sg_map m = { 0 }, pairs = { 0 };
	struct seen s = { 0, 1 };
	char other[8];

	(void)state;
	for (uint32_t i = 0; i < 40000; i++)
		assert_int_equal(sg_map_add(&m, "same", i), 0);
	assert_int_equal(sg_map_add(&m, "other", 7), 0);
	assert_int_equal(m.used, 2);
	assert_true(m.nslots <= 64);
	sg_map_each(&m, "same", in_order, &s);
	assert_int_equal(s.n, 40000);
	assert_true(s.in_order);
	assert_int_equal(sg_map_get(&m, "same"), 0);
	assert_int_equal(sg_map_get(&m, "other"), 7);
	sg_map_release(&m);
	/* a set of pairs: one slot a pair, a pair added once */
	snprintf(other, sizeof(other), "same");
	for (uint32_t i = 0; i < 1000; i++)
		assert_int_equal(sg_map_add_unique(&pairs, "same", i), 1);
	assert_int_equal(sg_map_add_unique(&pairs, other, 999), 0);
	assert_int_equal(sg_map_add_unique(&pairs, "same", 0), 0);
	assert_int_equal(sg_map_add_unique(&pairs, "else", 0), 1);
	assert_int_equal(pairs.used, 1001);
	sg_map_release(&pairs);
}

static void check_fold(const char *in, const char *want)
{
	sg_buf b = SG_BUF_INIT;

	assert_int_equal(sg_fold(&b, in), 0);
	assert_string_equal(sg_buf_str(&b), want);
	sg_buf_release(&b);
}

static void test_fold(void **state)
{
	(void)state;
	check_fold("Kazakhstan SCO", "kazakhstan sco");
	check_fold("ÀÉÎ ß", "àéî ß");
	check_fold("ҚАЗАҚСТАН Ұлы Әлем", "қазақстан ұлы әлем");
	check_fold("ΩΜΈΓΑ", "ωμέγα");
	check_fold("ŁÓDŹ", "łódź");
	check_fold("bad \xff byte", "bad \xff byte");
	check_fold("", "");
}

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(sg_distance("kazakstan", "kazakhstan", 3), 1);
	assert_int_equal(sg_distance("abc", "abc", 0), 0);
	assert_int_equal(sg_distance("", "abc", 5), 3);
	assert_int_equal(sg_distance("kitten", "sitting", 5), 3);
	/* past the limit: limit + 1 */
	assert_int_equal(sg_distance("kitten", "sitting", 2), 3);
	assert_int_equal(sg_distance("a", "abcdefgh", 2), 3);
}

static void test_fail_keeps_first_error(void **state)
{
	sg_error err = { 0 };

	(void)state;
	assert_int_equal(sg_fail(&err, SG_EIO, "f", 1, 2, "first %d", 1), -1);
	assert_int_equal(sg_fail(&err, SG_ESYNTAX, "g", 3, 4, "second"), -1);
	check_error(&err, SG_EIO, "f", 1, 2, "first 1");
	assert_int_equal(sg_fail(NULL, SG_EIO, NULL, 0, 0, "no error"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_map_equal_keys),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_fail_keeps_first_error),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
