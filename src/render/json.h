#ifndef IOTRACE_RENDER_JSON_H
#define IOTRACE_RENDER_JSON_H

/*
 * The --json renderer (render/render.h's interface): one object a line
 * per event, as described in doc/json-schema.md.  Calls are rendered
 * whole, at their exit.
 */

#include "render/render.h"

extern const struct renderer json_renderer;

#endif
