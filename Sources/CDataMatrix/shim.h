// CDataMatrix: libdmtx (Debian libdmtx-dev), the DataMatrix ECC200 encoder and decoder. Only DataMatrix uses it.
#ifndef AMELI_CDATAMATRIX_SHIM_H
#define AMELI_CDATAMATRIX_SHIM_H
#include <dmtx.h>
#endif
