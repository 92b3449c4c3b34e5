#!/usr/bin/env bats
# The structure of the sources: the pipeline's stages, used one way.

load common

@test "includes and uses run from later stages to earlier ones, with no circle; decoders never read the options" {
	run perl "$SRCDIR/test/layers.pl" "$SRCDIR"
	assert_success
	assert_output ""
}

@test "the checker sees a circle, a later stage used, an extern and a decoder reading the options" {
	local top="$BATS_TEST_TMPDIR/tree"
	mkdir -p "$top/src/call" "$top/src/render" "$top/src/config" "$top/decoders"
	touch "$top/src/main.c"
	cat >"$top/src/call/a.c" <<'C'
#include "render/b.h"
int a_fn(void) { return b_fn(); }
C
	cat >"$top/src/render/b.c" <<'C'
extern int a_fn(void);
int b_fn(void) { return a_fn(); }
C
	: >"$top/src/render/b.h"
	cat >"$top/src/config/o.c" <<'C'
int opt;
C
	cat >"$top/decoders/d.c" <<'C'
int d_fn(void) { return opt; }
C
	run perl "$SRCDIR/test/layers.pl" "$top"
	assert_failure
	assert_line 'src/call/a.c:1: call uses render, a later stage ("render/b.h")'
	assert_line --partial 'src/render/b.c: declares a_fn by hand'
	assert_line --partial 'a circle: src/call/a.c (b_fn) -> src/render/b.c (a_fn)'
	assert_line 'src/call/a.c: call uses b_fn of src/render/b.c, a later stage'
	assert_line 'decoders/d.c: decoders reads the options (opt): only policies and later decide'
}
