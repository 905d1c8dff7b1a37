/* The progress line (see progress.h). Everything the thread and the work
 * share is under one lock, and the line is written with write(2), not
 * stdio, so that the two threads share no FILE and a signal handler can
 * erase it. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

/* How often the thread looks at the work: at most this often redrawn. */
#define TICK_NS 200000000L

struct progress {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	double start, delay; /* shown from start + delay on */
	int stop;            /* the thread is to end */
	int active;          /* a stage is at work, not hushed */
	sg_progress now;     /* its subject in subject[] */
	char subject[256];
	double since;        /* when the stage began */
	char line[512];      /* what the screen shows ("": nothing) */
};

/* Whether a line is on the screen, for a signal handler. */
static volatile sig_atomic_t shown;

static const char erase[] = "\r\033[K";

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void put(const char *s, size_t n)
{
	while (n) {
		ssize_t k = write(STDERR_FILENO, s, n);

		if (k <= 0)
			return; /* a progress line is not worth failing for */
		s += k;
		n -= (size_t)k;
	}
}

/* The width of the terminal, to stay on one line: \r returns to the start
 * of the last line only. */
static size_t width(void)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");
	long n = columns ? strtol(columns, NULL, 10) : 0;

	if (!ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) && ws.ws_col)
		n = ws.ws_col;
	return n > 1 ? (size_t)n : 80;
}

/* n bytes as ": 12.3 MB", with total in the same unit: ": 12.3 of 64.2 MB
 * (19%)". */
static void bytes(char *out, size_t size, size_t n, size_t total)
{
	size_t most = total > n ? total : n;
	double unit = most >= 1000000000 ? 1e9 : most >= 1000000 ? 1e6 : 1e3;
	const char *name = unit == 1e9 ? "GB" : unit == 1e6 ? "MB" : "kB";
	int digits = unit == 1e3 ? 0 : 1;

	if (total)
		snprintf(out, size, ": %.*f of %.*f %s (%zu%%)", digits,
			 (double)n / unit, digits, (double)total / unit, name,
			 (n >= total ? 100 : n * 100 / total));
	else
		snprintf(out, size, ": %.*f %s", digits, (double)n / unit,
			 name);
}

/* What the line says of the stage at hand, at time t, within columns. */
static void describe(const struct progress *p, double t, char *out,
		     size_t size, size_t columns)
{
	static const char *const doing[] = {
		[SG_STAGE_READ] = "reading", [SG_STAGE_LOAD] = "loading",
		[SG_STAGE_RESOLVE] = "linking relations",
		[SG_STAGE_DRAW] = "drawing",
		[SG_STAGE_LAYOUT] = "laying out with",
		[SG_STAGE_RENDER] = "rendering", [SG_STAGE_WRITE] = "writing",
	};
	const sg_progress *now = &p->now;
	char count[80] = "...";
	int n;

	if (now->stage == SG_STAGE_READ || now->stage == SG_STAGE_LOAD)
		bytes(count, sizeof(count), now->done, now->total);
	else if (now->total)
		snprintf(count, sizeof(count), ": %zu of %zu (%zu%%)",
			 now->done, now->total, now->done >= now->total ? 100 :
				     now->done * 100 / now->total);
	else if (t - p->since >= 1)
		snprintf(count, sizeof(count), "... %.0f s", t - p->since);
	n = snprintf(out, size, "%s%s%s%s", doing[now->stage],
		     now->subject ? " " : "", now->subject ? now->subject : "",
		     count);
	/* a line cut short stays one line, and whole characters */
	if (n > 0 && (size_t)n >= columns && columns < size) {
		size_t cut = columns - 1;

		while (cut && ((unsigned char)out[cut] & 0xC0) == 0x80)
			cut--;
		out[cut] = '\0';
	}
}

/* Redraws the line when it says something new and its time has come.
 * Under the lock. */
static void show(struct progress *p)
{
	double t = seconds();
	char line[sizeof(p->line)], out[sizeof(p->line) + 8];

	if (!p->active || t - p->start < p->delay)
		return;
	describe(p, t, line, sizeof(line), width());
	if (!strcmp(line, p->line))
		return;
	strcpy(p->line, line);
	shown = 1;
	/* (the erasing after it clears what is left of a longer line) */
	put(out, (size_t)snprintf(out, sizeof(out), "\r%s\033[K", line));
}

/* Under the lock. */
static void hush(struct progress *p)
{
	p->active = 0;
	if (!p->line[0])
		return;
	put(erase, sizeof(erase) - 1);
	p->line[0] = '\0';
	shown = 0;
}

static void *keep_drawing(void *arg)
{
	struct progress *p = arg;
	struct timespec at;

	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		clock_gettime(CLOCK_MONOTONIC, &at);
		at.tv_nsec += TICK_NS;
		if (at.tv_nsec >= 1000000000L) {
			at.tv_sec++;
			at.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&p->wake, &p->lock, &at);
		if (!p->stop)
			show(p);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct progress *progress_start(void)
{
	struct progress *p = calloc(1, sizeof(*p));
	const char *delay = getenv("SCOGRAPH_PROGRESS_DELAY");
	pthread_condattr_t attr;
	sigset_t all, old;
	int failed;

	if (!p)
		return NULL;
	p->start = seconds();
	p->delay = delay && *delay ? strtod(delay, NULL) : 1;
	if (pthread_mutex_init(&p->lock, NULL)) {
		free(p);
		return NULL;
	}
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	failed = pthread_cond_init(&p->wake, &attr);
	pthread_condattr_destroy(&attr);
	/* signals are the work's: its handlers run there, not here */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	failed = failed || pthread_create(&p->thread, NULL, keep_drawing, p);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (failed) {
		pthread_cond_destroy(&p->wake);
		pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	return p;
}

void progress_stop(struct progress *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	hush(p);
	pthread_cond_signal(&p->wake);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	pthread_cond_destroy(&p->wake);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

void progress_tell(void *ctx, const sg_progress *what)
{
	struct progress *p = ctx;
	char subject[sizeof(p->subject)];
	int fresh;

	/* a name is shown, never obeyed: no control character */
	snprintf(subject, sizeof(subject), "%s",
		 what->subject ? what->subject : "");
	for (char *c = subject; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	pthread_mutex_lock(&p->lock);
	fresh = !p->active || what->stage != p->now.stage ||
		strcmp(subject, p->subject);
	p->now = *what;
	p->now.subject = what->subject ? p->subject : NULL;
	if (fresh) {
		p->since = seconds();
		strcpy(p->subject, subject);
	}
	if (what->stage == SG_STAGE_WRITE && what->subject &&
	    !strcmp(what->subject, "-")) {
		hush(p); /* standard output may be this terminal too */
	} else {
		p->active = 1;
		/* a new stage shows at once, a count at the next tick */
		if (fresh)
			show(p);
	}
	pthread_mutex_unlock(&p->lock);
}

void progress_hush(struct progress *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	hush(p);
	pthread_mutex_unlock(&p->lock);
}

void progress_erase_now(void)
{
	if (shown)
		put(erase, sizeof(erase) - 1);
}
