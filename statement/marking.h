/*
 * marking.h — the classification marking in the Word statement's page
 * header and footer.
 *
 * pandoc takes the page header and footer from the reference document as
 * they are, so the marking is put into a copy of the reference before
 * pandoc runs: every {{classification}} in its headers and footers
 * (word/header*.xml, word/footer*.xml) becomes [charts] classification.
 * A reference with neither that text nor the marking itself in a header
 * and a footer is refused: a Word statement must never go out unmarked.
 */
#ifndef SIO_STATEMENT_MARKING_H
#define SIO_STATEMENT_MARKING_H

#include "sys/error.h"

#define MARKING_PLACEHOLDER "{{classification}}"

/* Copy the reference document at from to to (which exists: a temporary
 * file) with the marking put in.  SIO_ENOINPUT when from cannot be read,
 * SIO_ECONFIG when it is not a .docx or has nowhere for the marking. */
int marking_reference(const char *from, const char *to, const char *marking,
                      struct sio_error *err);

#endif
