/*
 * The scograph command's --watch: waits, on Linux's inotify, for the files
 * a drawing is made from to change. Each file is watched through its
 * folder and matched by name, since editors save by writing a new file
 * and renaming it over the old one (vim, VS Code, sed -i): a watch on the
 * file itself would follow the old file away. The command's own code, not
 * the library's: it prints what it cannot watch.
 */
#ifndef SG_WATCH_H
#define SG_WATCH_H

#include <stddef.h>

struct watch;

/* What watch_wait ended with. */
enum watch_end {
	WATCH_CHANGED, /* an input changed and has been quiet since */
	WATCH_STOPPED, /* SIGINT or SIGTERM asked the command to end */
	WATCH_FAILED,  /* inotify failed (printed); nothing can be watched */
};

/*
 * A watch with nothing in it yet; NULL (printed) when inotify cannot
 * start. From now until watch_free, SIGINT and SIGTERM no longer end the
 * process at once: the drawing under way is finished (a second signal
 * during it ends the process as before, its files removed), and the next
 * watch_wait returns WATCH_STOPPED.
 */
struct watch *watch_new(void);
/* Watches the file path (which need not exist yet: it may be made). 0, or
 * -1 printed. path is kept, not copied. */
int watch_file(struct watch *w, const char *path);
/* Watches every file of folder dir whose name ends in one of the n
 * extensions ext (".json"): made, changed or removed. -1 printed. */
int watch_folder(struct watch *w, const char *dir, const char *const *ext,
		 size_t n);
/*
 * Waits for a watched file to change, then until no change has come for
 * a moment (WATCH_QUIET_MS, or at most WATCH_LONGEST_MS after the first),
 * so that a burst of writes is one change. *first is the path of the
 * first file changed and *more the number of other files that changed too.
 */
enum watch_end watch_wait(struct watch *w, const char **first, size_t *more);
/* Ends the watch and gives SIGINT and SIGTERM back their handlers; w may be
 * NULL. */
void watch_free(struct watch *w);

/* A clock for telling how long a drawing took: milliseconds from some
 * fixed moment, never going back. */
long watch_now_ms(void);

#define WATCH_QUIET_MS 150
#define WATCH_LONGEST_MS 2000

#endif
