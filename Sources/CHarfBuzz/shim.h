// CHarfBuzz: HarfBuzz and its subsetter (Debian libharfbuzz-dev), used only to cut fonts down for the PDF.
#ifndef AMELI_CHARFBUZZ_SHIM_H
#define AMELI_CHARFBUZZ_SHIM_H
#include <hb.h>
#include <hb-subset.h>
#endif
