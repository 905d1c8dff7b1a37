/* Outputs' destinations: every file is written beside its name and renamed
 * onto it, so a failure leaves no partial file and an older file whole. */
/* realpath */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

/*
 * The destinations sg_render is writing, for sg_remove_temporaries, which
 * a signal handler may call at any moment: the pair is set and cleared in
 * an order that leaves it consistent between any two stores.
 */
static sg_dest *volatile pending;
static volatile size_t npending;

void sg_dests_watch(sg_dest *dests, size_t n)
{
	if (dests) {
		pending = dests;
		atomic_signal_fence(memory_order_seq_cst);
		npending = n;
	} else {
		npending = 0;
		atomic_signal_fence(memory_order_seq_cst);
		pending = NULL;
	}
}

void sg_remove_temporaries(void)
{
	sg_dest *d = pending;
	size_t n = npending;

	for (size_t i = 0; d && i < n; i++)
		if (d[i].live)
			unlink(d[i].tmp);
}

static int write_failed(sg_error *err, const char *file)
{
	return sg_fail(err, SG_EIO, file, 0, 0, "cannot write file: %s",
		       strerror(errno));
}

/* Writes len bytes of data to f, which it closes. */
static int write_all(FILE *f, const char *data, size_t len, const char *name,
		     sg_error *err)
{
	int failed = len && fwrite(data, 1, len, f) != len;

	failed |= fclose(f) != 0;
	return failed ? write_failed(err, name) : 0;
}

/*
 * Whether a rename onto path would destroy what it names instead of
 * replacing a file: a device, a pipe or a socket (/dev/null, a FIFO), or
 * a name of the process's own streams (/dev/stdout, /proc/self/fd/1,
 * which a rename would turn into a plain file).
 */
static int is_special(const char *name)
{
	struct stat st;

	return !strncmp(name, "/dev/", 5) || !strncmp(name, "/proc/", 6) ||
	       (!stat(name, &st) && !S_ISREG(st.st_mode));
}

/* Makes the file beside d's path that its bytes go to until the rename. */
static int make_beside(sg_dest *d, sg_error *err)
{
	struct stat st;
	const char *dest, *slash;
	size_t dirlen;
	mode_t mask;

	/* a link stays a link: the file it leads to is replaced */
	if (!lstat(d->path, &st) && S_ISLNK(st.st_mode) &&
	    !(d->real = realpath(d->path, NULL)) && errno != ENOENT)
		return write_failed(err, d->path);
	dest = d->real ? d->real : d->path;
	slash = strrchr(dest, '/');
	dirlen = slash ? (size_t)(slash - dest) + 1 : 0;
	d->tmp = malloc(strlen(dest) + 16);
	if (!d->tmp)
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	sprintf(d->tmp, "%.*s.%s.XXXXXX", (int)dirlen, dest, dest + dirlen);
	d->fd = mkstemp(d->tmp);
	if (d->fd < 0)
		return write_failed(err, d->path);
	atomic_signal_fence(memory_order_seq_cst);
	d->live = 1;
	/* mkstemp makes the file private; give it the usual mode */
	mask = umask(0);
	umask(mask);
	return fchmod(d->fd, 0666 & ~mask) ? write_failed(err, d->path) : 0;
}

int sg_dest_open(sg_dest *d, const char *path, sg_error *err)
{
	*d = (sg_dest){ .path = path, .fd = -1 };
	if (!strcmp(path, "-"))
		d->kind = SG_DEST_STDOUT;
	else if (is_special(path))
		d->kind = SG_DEST_SPECIAL;
	else
		d->kind = SG_DEST_FILE;
	return d->kind == SG_DEST_FILE ? make_beside(d, err) : 0;
}

void sg_dest_memory(sg_dest *d, char **data, size_t *len)
{
	*d = (sg_dest){ .kind = SG_DEST_MEMORY, .mem = data, .mem_len = len,
			.fd = -1 };
}

int sg_dest_write(sg_dest *d, const char *data, size_t len, sg_error *err)
{
	while (len) {
		ssize_t n = write(d->fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return write_failed(err, d->path);
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int sg_dest_fill(sg_dest *d, const char *data, size_t len, sg_error *err)
{
	FILE *f;

	if (d->kind != SG_DEST_FILE)
		return 0;
	if (!(f = fdopen(d->fd, "wb")))
		return write_failed(err, d->path);
	d->fd = -1; /* closed with f */
	return write_all(f, data, len, d->path, err);
}

/* The file beside d's path is no longer d's to remove. */
static void forget_beside(sg_dest *d)
{
	d->live = 0;
	atomic_signal_fence(memory_order_seq_cst);
	free(d->tmp);
	d->tmp = NULL;
}

/* A copy of len bytes of data in d's memory, NUL after them, so that text
 * can be used as a string. */
static int hand_over(sg_dest *d, const char *data, size_t len, sg_error *err)
{
	if (!(*d->mem = malloc(len + 1)))
		return sg_fail(err, SG_ENOMEM, NULL, 0, 0, "out of memory");
	memcpy(*d->mem, data, len);
	(*d->mem)[len] = '\0';
	*d->mem_len = len;
	return 0;
}

int sg_dest_commit(sg_dest *d, const char *data, size_t len, sg_error *err)
{
	FILE *f;

	switch (d->kind) {
	case SG_DEST_MEMORY:
		return hand_over(d, data, len, err);
	case SG_DEST_STDOUT:
		return fwrite(data, 1, len, stdout) != len ?
			       write_failed(err, "<stdout>") : 0;
	case SG_DEST_SPECIAL:
		if (!(f = fopen(d->path, "wb")))
			return write_failed(err, d->path);
		return write_all(f, data, len, d->path, err);
	case SG_DEST_FILE:
		break;
	}
	if (rename(d->tmp, d->real ? d->real : d->path))
		return write_failed(err, d->path);
	forget_beside(d);
	return 0;
}

void sg_dest_release(sg_dest *d)
{
	if (d->tmp && d->fd >= 0)
		close(d->fd);
	if (d->live)
		unlink(d->tmp);
	forget_beside(d);
	free(d->real);
	d->real = NULL;
}
