/* Between render.c and output.c: where an output's bytes go, and how they
 * get there without ever leaving half a file at its name. */
#ifndef SG_OUTPUT_H
#define SG_OUTPUT_H

#include <signal.h>

#include "internal.h"

/* Where an output goes. */
enum sg_dest_kind {
	SG_DEST_MEMORY,  /* sg_render_buffer's: a copy for the caller */
	SG_DEST_STDOUT,  /* path "-" */
	SG_DEST_FILE,    /* written beside its path, then renamed onto it */
	SG_DEST_SPECIAL, /* no file to replace (a device, a pipe, /dev/stdout,
			  * /proc/...): written to as it is */
};

typedef struct sg_dest {
	enum sg_dest_kind kind;
	const char *path; /* NULL for memory */
	char **mem;       /* memory: where the copy goes, and its length */
	size_t *mem_len;
	char *tmp;  /* a file: the file made beside path until it is renamed */
	char *real; /* where path, a link, leads: the file replaced */
	int fd;     /* tmp, open for writing; -1 once closed */
	/* tmp exists: a signal handler removes it */
	volatile sig_atomic_t live;
} sg_dest;

/*
 * Plans d, the destination path ("-" is standard output), and for a file
 * makes the file beside it that its bytes will go to: made before any
 * work, so that an output that cannot be written stops the run before it.
 * d is released with sg_dest_release even when this fails.
 */
int sg_dest_open(sg_dest *d, const char *path, sg_error *err);
/* Plans d as memory: at commit, *data receives a copy of the bytes
 * (malloc'd, NUL after them) and *len their length. */
void sg_dest_memory(sg_dest *d, char **data, size_t *len);

/* The n destinations sg_remove_temporaries may clean up from a signal
 * handler, until sg_dests_watch(NULL, 0). */
void sg_dests_watch(sg_dest *dests, size_t n);

/* Writes len bytes of data to the file beside d's path, where d is a file;
 * nothing at d's own name changes yet. */
int sg_dest_fill(sg_dest *d, const char *data, size_t len, sg_error *err);
/* The same for a file d filled a piece at a time, before sg_dest_fill
 * adds the last (which may be none) and closes it. */
int sg_dest_write(sg_dest *d, const char *data, size_t len, sg_error *err);
/* Puts the bytes at d's name: a filled file is renamed onto it, the others
 * are written (len bytes of data) or copied to memory. */
int sg_dest_commit(sg_dest *d, const char *data, size_t len, sg_error *err);
/* Removes what d made and has not committed, and frees what it holds. */
void sg_dest_release(sg_dest *d);

#endif
