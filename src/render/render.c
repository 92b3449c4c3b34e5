/* Which renderer the options ask for. */
#include "config.h"
#include "config/options.h"
#include "render/json.h"
#include "render/render.h"
#include "render/text.h"

const struct renderer *render_for(void)
{
	return opt.json ? &json_renderer : &text_renderer;
}

void render_threads(unsigned n)
{
	text_threads(n);
}
