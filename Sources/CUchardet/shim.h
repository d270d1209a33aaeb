#ifndef WINNOW_CUCHARDET_SHIM_H
#define WINNOW_CUCHARDET_SHIM_H
#include <uchardet.h>
#endif
