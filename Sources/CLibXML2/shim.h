#ifndef WINNOW_CLIBXML2_SHIM_H
#define WINNOW_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its encoding.h would pull in the system ICU headers, which
// clash with the ICU module Foundation ships ("'UErrorCode' has different definitions") on clean
// builds. Winnow never uses libxml2's ICU converters, so hide them before anything includes them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 rejects as shared mutable state.
static inline void winnow_xml_free(void *pointer) { xmlFree(pointer); }

/// Silences libxml2's default error printer for the calling thread (parse errors are expected on
/// real-world HTML and are not the user's concern).
static void winnow_xml_ignore_error(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void winnow_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, winnow_xml_ignore_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

#endif
