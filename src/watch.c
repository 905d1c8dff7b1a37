/* The command's --watch, on inotify: see watch.h. */
/* pipe2 and inotify are Linux's */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "watch.h"

/* A folder inotify watches, and what of it is ours. */
struct folder {
	int wd;
	char *path;
	/* a watched file of the folder: the path it is known by and its
	 * name in the folder (of real: a link's end, ours to free) */
	struct named {
		const char *path, *name;
		char *real;
	} *files;
	size_t nfiles;
	const char *const *ext; /* any file with one of these endings */
	size_t next;
};

struct watch {
	int fd;
	struct folder *folders;
	size_t nfolders;
	/* the names changed since watch_wait began; the first is *first */
	char **changed;
	size_t nchanged;
	struct sigaction old_int, old_term;
};

/* Set by the handler; the pipe wakes the poll a signal could slip past
 * (one that comes between a check of stop and the call to poll). */
static volatile sig_atomic_t stop, waiting;
static int wake[2] = { -1, -1 };
static struct sigaction *saved[2];

static void on_stop(int sig)
{
	static const char again[] = "scograph: finishing the drawing under "
				    "way; a second Ctrl-C stops at once\n";
	int saved_errno = errno;

	if (!waiting && stop) {
		/* the handler the command had removes the files being
		 * written and ends the process by sig, once this returns */
		sigaction(sig, saved[sig == SIGTERM], NULL);
		raise(sig);
		return;
	}
	if (!waiting) {
		progress_erase_now();
		if (write(STDERR_FILENO, again, sizeof(again) - 1) < 0) {
			/* nothing else can say it */
		}
	}
	stop = 1;
	if (write(wake[1], "", 1) < 0) {
		/* the pipe is full: a wake-up is already waiting */
	}
	errno = saved_errno;
}

static void *grow(void *items, size_t n, size_t size)
{
	return realloc(items, (n + 1) * size);
}

static void failed(const char *path, const char *what)
{
	fprintf(stderr, "scograph: %s%serror: cannot %s: %s\n", path ? path : "",
		path ? ": " : "", what, strerror(errno));
}

struct watch *watch_new(void)
{
	struct watch *w = calloc(1, sizeof(*w));
	struct sigaction sa = { .sa_handler = on_stop };

	if (!w || (w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0) {
		failed(NULL, "watch files");
		free(w);
		return NULL;
	}
	if (pipe2(wake, O_NONBLOCK | O_CLOEXEC)) {
		failed(NULL, "watch files");
		close(w->fd);
		free(w);
		return NULL;
	}
	stop = 0;
	waiting = 0;
	saved[0] = &w->old_int;
	saved[1] = &w->old_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, NULL, &w->old_int);
	sigaction(SIGTERM, NULL, &w->old_term);
	/* a signal ignored from the start (nohup) stays ignored */
	if (w->old_int.sa_handler != SIG_IGN)
		sigaction(SIGINT, &sa, NULL);
	if (w->old_term.sa_handler != SIG_IGN)
		sigaction(SIGTERM, &sa, NULL);
	return w;
}

/* The folder of w that holds path (dir, its first dirlen bytes: "" is
 * "."), watched from now; NULL printed. */
static struct folder *folder_of(struct watch *w, const char *dir,
				size_t dirlen)
{
	/* what saving a file in any way does to its folder */
	const uint32_t mask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB |
			      IN_CREATE | IN_DELETE | IN_MOVED_FROM |
			      IN_MOVED_TO | IN_ONLYDIR;
	char *path = dirlen ? strndup(dir, dirlen) : strdup(".");
	struct folder *f, *more;
	int wd;

	if (!path) {
		failed(dir, "watch its folder");
		return NULL;
	}
	if ((wd = inotify_add_watch(w->fd, path, mask)) < 0) {
		failed(path, "watch the folder");
		free(path);
		return NULL;
	}
	/* a folder named twice (./a, a) is one watch */
	for (size_t i = 0; i < w->nfolders; i++)
		if (w->folders[i].wd == wd) {
			free(path);
			return &w->folders[i];
		}
	if (!(more = grow(w->folders, w->nfolders, sizeof(*more)))) {
		failed(path, "watch the folder");
		free(path);
		return NULL;
	}
	w->folders = more;
	f = &w->folders[w->nfolders++];
	*f = (struct folder){ .wd = wd, .path = path };
	return f;
}

/* Watches the file real (its path, ours from now, NULL: path), known by
 * path. */
static int watch_named(struct watch *w, const char *path, char *real)
{
	const char *in = real ? real : path, *slash = strrchr(in, '/');
	/* "/g.json" is in "/", not in "" */
	size_t dirlen = slash ? (size_t)(slash - in) + (slash == in) : 0;
	struct folder *f = folder_of(w, in, dirlen);
	struct named *more = f ? grow(f->files, f->nfiles, sizeof(*more)) :
				 NULL;

	if (!more) {
		if (f)
			failed(path, "watch the file");
		free(real);
		return -1;
	}
	f->files = more;
	f->files[f->nfiles++] = (struct named){
		.path = path, .name = slash ? slash + 1 : in, .real = real
	};
	return 0;
}

int watch_file(struct watch *w, const char *path)
{
	struct stat st;
	char *real;

	if (watch_named(w, path, NULL))
		return -1;
	/* a link's folder sees the link change, not the file it leads to */
	if (lstat(path, &st) || !S_ISLNK(st.st_mode) ||
	    !(real = realpath(path, NULL)))
		return 0;
	return watch_named(w, path, real);
}

int watch_folder(struct watch *w, const char *dir, const char *const *ext,
		 size_t n)
{
	size_t len = strlen(dir);
	struct folder *f;

	/* (graphs/ is graphs, whose files are graphs/NAME) */
	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (!(f = folder_of(w, dir, len)))
		return -1;
	f->ext = ext;
	f->next = n;
	return 0;
}

static int ends_in(const char *name, const char *end)
{
	size_t n = strlen(name), e = strlen(end);

	return n > e && !strcmp(name + n - e, end);
}

/* Notes that path (dir/name where dir is given) changed: 1 when it was
 * not yet noted, 0 when it was, -1 out of memory. */
static int note_change(struct watch *w, const char *dir, const char *name)
{
	size_t len = strlen(name) + (dir ? strlen(dir) + 1 : 0);
	char *path = malloc(len + 1), **more;

	if (!path)
		return -1;
	snprintf(path, len + 1, "%s%s%s", dir ? dir : "", dir ? "/" : "",
		 name);
	for (size_t i = 0; i < w->nchanged; i++)
		if (!strcmp(w->changed[i], path)) {
			free(path);
			return 0;
		}
	if (!(more = grow(w->changed, w->nchanged, sizeof(*more)))) {
		free(path);
		return -1;
	}
	w->changed = more;
	w->changed[w->nchanged++] = path;
	return 1;
}

/* The watched file event e is about, noted; 1 when it is one, 0 when it
 * is no file of ours, -1 out of memory. */
static int take_event(struct watch *w, const struct inotify_event *e)
{
	struct folder *f = NULL;

	/* events were lost: anything may have changed */
	if (e->mask & IN_Q_OVERFLOW)
		return note_change(w, NULL, "(the watched files)") < 0 ? -1 : 1;
	for (size_t i = 0; i < w->nfolders && !f; i++)
		if (w->folders[i].wd == e->wd)
			f = &w->folders[i];
	if (!f || !e->len)
		return 0;
	for (size_t i = 0; i < f->nfiles; i++)
		if (!strcmp(f->files[i].name, e->name))
			return note_change(w, NULL, f->files[i].path) < 0 ? -1 :
									     1;
	for (size_t i = 0; i < f->next; i++)
		if (ends_in(e->name, f->ext[i]))
			return note_change(w, f->path, e->name) < 0 ? -1 : 1;
	return 0;
}

/* Reads the events waiting; the number about our files, -1 on failure. */
static int take_events(struct watch *w)
{
	/* (aligned as inotify's events are) */
	char buf[64 * (sizeof(struct inotify_event) + NAME_MAX + 1)]
		__attribute__((aligned(__alignof__(struct inotify_event))));
	int ours = 0;

	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof(buf));

		if (n < 0 && errno == EAGAIN)
			return ours;
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (void *)p;
			int k = take_event(w, e);

			if (k < 0)
				return -1;
			ours += k;
			p += sizeof(*e) + e->len;
		}
	}
}

long watch_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

enum watch_end watch_wait(struct watch *w, const char **first, size_t *more)
{
	struct pollfd fds[2] = { { .fd = w->fd, .events = POLLIN },
				 { .fd = wake[0], .events = POLLIN } };
	long since = -1, last = -1;
	char drain[16];
	int broken = 0;

	while (w->nchanged)
		free(w->changed[--w->nchanged]);
	waiting = 1;
	for (;;) {
		long t = watch_now_ms();
		int timeout = -1, k;

		if (stop)
			break;
		if (since >= 0) {
			long quiet = last + WATCH_QUIET_MS - t;
			long longest = since + WATCH_LONGEST_MS - t;

			if (quiet <= 0 || longest <= 0)
				break;
			timeout = (int)(quiet < longest ? quiet : longest);
		}
		k = poll(fds, 2, timeout);
		if ((broken = k < 0 && errno != EINTR))
			break;
		if (k <= 0)
			continue;
		while (read(wake[0], drain, sizeof(drain)) > 0)
			;
		if (!(fds[0].revents & POLLIN))
			continue;
		if ((broken = (k = take_events(w)) < 0))
			break;
		if (k) {
			last = watch_now_ms();
			if (since < 0)
				since = last;
		}
	}
	waiting = 0;
	if (stop)
		return WATCH_STOPPED;
	if (broken) {
		failed(NULL, "watch files");
		return WATCH_FAILED;
	}
	*first = w->changed[0];
	*more = w->nchanged - 1;
	return WATCH_CHANGED;
}

void watch_free(struct watch *w)
{
	if (!w)
		return;
	if (w->old_int.sa_handler != SIG_IGN)
		sigaction(SIGINT, &w->old_int, NULL);
	if (w->old_term.sa_handler != SIG_IGN)
		sigaction(SIGTERM, &w->old_term, NULL);
	close(w->fd);
	close(wake[0]);
	close(wake[1]);
	wake[0] = wake[1] = -1;
	for (size_t i = 0; i < w->nfolders; i++) {
		for (size_t j = 0; j < w->folders[i].nfiles; j++)
			free(w->folders[i].files[j].real);
		free(w->folders[i].files);
		free(w->folders[i].path);
	}
	free(w->folders);
	while (w->nchanged)
		free(w->changed[--w->nchanged]);
	free(w->changed);
	free(w);
}
