/*
 * folder.h — a working folder for one force, made in one step.
 *
 *   config/    sio.ini (the shipped one, then a [run] block naming the force
 *              and the input folders), measures.ini, forces.csv,
 *              annotations.csv, reference.docx and statement-print.css (the
 *              Word and PDF house style), peers.ini (the force's group when peers are
 *              given), statement-text.md (the six priorities, each with its
 *              two paragraphs to write)
 *   inputs/    one folder per kind of file, as the archives come, each with
 *              an ABOUT.txt saying what goes in it (from the templates in
 *              init/inputs/ of the shared files)
 *   schedule/  a crontab line and a systemd service and timer
 *   README.md  for the office
 *
 * The folder is built beside its final name and renamed into place, so it
 * appears whole or not at all; a folder that exists and is not empty is
 * never touched.
 */
#ifndef SIO_INIT_FOLDER_H
#define SIO_INIT_FOLDER_H

#include "sys/error.h"

#include <limits.h>

#define FOLDER_MAX_PEERS 16

struct folder_request {
    const char *dir;                     /* the folder to make */
    const char *force;                   /* any spelling of the force */
    const char *peer[FOLDER_MAX_PEERS];  /* any spelling of each peer */
    int n_peers;
};

struct folder_result {
    char path[PATH_MAX];                 /* the folder made, absolute */
    char force_name[128];                /* "Warwickshire Police" */
    char share[PATH_MAX];                /* the shared files used */
};

/* Make the folder.  SIO_EUSAGE for a force or peer not in forces.csv,
 * SIO_ECANTCREAT when the folder exists and is not empty or cannot be
 * made, SIO_ENOINPUT when the shared files are missing. */
int folder_create(const struct folder_request *req, struct folder_result *res,
                  struct sio_error *err);

#endif
