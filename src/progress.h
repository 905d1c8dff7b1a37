/*
 * The scograph command's progress line: what long work is doing, on one
 * line of standard error that is redrawn in place and erased when done.
 * It shows once the work has gone on for a second (SCOGRAPH_PROGRESS_DELAY
 * seconds), so that quick runs never flash a line; a thread redraws it a
 * few times a second, since a layout is one long call into Graphviz.
 */
#ifndef SG_PROGRESS_H
#define SG_PROGRESS_H

#include "scograph.h"

struct progress;

/* The line, shown from now on; NULL (nothing shown, nothing to free) when
 * it could not start its thread. */
struct progress *progress_start(void);
/* Erases the line and ends it; p may be NULL. */
void progress_stop(struct progress *p);
/* The library's sg_progress_fn: what the work is at (ctx: the line). Told
 * of writing to standard output, the line hushes, as progress_hush. */
void progress_tell(void *ctx, const sg_progress *what);
/* Erases the line until the next progress_tell: before anything else is
 * printed, and when the work it told of is over. p may be NULL. */
void progress_hush(struct progress *p);
/* Erases the line from a signal handler: async-signal-safe. */
void progress_erase_now(void);

#endif
