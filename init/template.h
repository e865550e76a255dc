/*
 * template.h — the files sio-init writes from templates with @NAME@ marks.
 *
 * A template is copied byte for byte except for the marks it knows:
 *   @FORCE_NAME@ @FORCE_SLUG@ @FOLDER@ @SIO_RUN@ @DATE@ @VERSION@  as they are;
 *   @FOLDER_CRON@ @SIO_RUN_CRON@  quoted for a crontab line (sh quoting, % escaped);
 *   @FOLDER_UNIT@                 for a systemd directive (% doubled);
 *   @SIO_RUN_UNIT@                for a systemd command line (quoted, % doubled).
 * An '@' not starting such a mark (an e-mail address) is copied; a mark of
 * capitals that is not one of these is an error naming its line, so a typo
 * in a template never reaches an office.  The file is written to a
 * temporary name and renamed into place.
 */
#ifndef SIO_INIT_TEMPLATE_H
#define SIO_INIT_TEMPLATE_H

#include "sys/error.h"

#include <stdio.h>

struct template_values {
    const char *force_name;   /* "Warwickshire Police" */
    const char *force_slug;   /* "warwickshire" */
    const char *folder;       /* the working folder, absolute */
    const char *sio_run;      /* the sio-run program, absolute */
    const char *date;         /* YYYY-MM-DD */
};

/* Write the template at from to fp with the marks filled in (verbatim when
 * v is NULL).  SIO_ENOINPUT when it cannot be read, SIO_ECONFIG naming the
 * line of an unknown mark. */
int template_write(FILE *fp, const char *from, const struct template_values *v,
                   struct sio_error *err);

/* Copy the template at from to to with the marks filled in (verbatim when v
 * is NULL).  SIO_ENOINPUT
 * when from cannot be read, SIO_ECONFIG naming the line of an unknown mark,
 * SIO_ECANTCREAT/SIO_EIO when to cannot be written. */
int template_copy(const char *from, const char *to, const struct template_values *v,
                  struct sio_error *err);

#endif
